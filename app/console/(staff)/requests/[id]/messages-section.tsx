import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { Section } from "@/components/console/request/facts";
import { InternalNoteForm, SendMessageForm } from "./message-forms";

/** The thread with the requester and the desk's internal notes (marked; never shown to the requester). */
export async function MessagesSection({ r, me, folded }: { r: RequestDetail; me: CurrentStaff; folded?: boolean }) {
  const t = await getTranslations("console.request.messages");
  const s = await getTranslations("console.request.sections");
  const format = await getFormatter();
  const canWrite = roleHas(me.role, "write:request");
  const closed = r.status === "WITHDRAWN" || r.status === "ABANDONED";
  return (
    <Section id="messages" title={s("messages")} folded={folded}>
      {r.messages.length === 0 ? (
        <p className="mb-4">{t("none")}</p>
      ) : (
        <ol className="mb-4 flex flex-col gap-2" data-testid="messages">
          {r.messages.map((m) => (
            <li
              key={m.id}
              data-testid={m.internal ? "internal-note" : "message"}
              className={`rounded-md border p-3 ${m.internal ? "border-dashed border-stone-400 bg-stone-100" : m.author === "REQUESTER" ? "border-brand-600 bg-brand-50" : "border-stone-200"}`}
            >
              <p className="text-sm font-semibold">
                {m.internal ? `${t("internal")} · ` : ""}
                {m.author === "REQUESTER"
                  ? t("fromRequester")
                  : m.author === "STAFF"
                    ? t("fromStaff", { name: m.staffId ? (r.staffNames[m.staffId] ?? "—") : "—" })
                    : t("system")}
                <span className="font-normal text-muted">
                  {" "}
                  · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
              {m.attachments.length ? (
                <ul className="mt-1 text-sm">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      {a.deletedAt ? (
                        <span className="text-muted">{a.originalName}</span>
                      ) : (
                        <a
                          href={`/console/requests/${r.id}/files/${a.id}`}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="text-brand-700 underline"
                        >
                          {a.originalName}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <div className="grid gap-6 border-t border-stone-200 pt-4 lg:grid-cols-2">
          {!closed ? <SendMessageForm requestId={r.id} /> : null}
          <InternalNoteForm requestId={r.id} />
        </div>
      ) : null}
    </Section>
  );
}
