import { JST_ZONE } from "@/lib/dates";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RequesterView } from "@/lib/requester/requester-view";

/** The conversation with staff, oldest first, with attachments to download. */
export async function MessageThread({ messages }: { messages: RequesterView["messages"] }) {
  const t = await getTranslations("portal.status.messages");
  const format = await getFormatter();
  if (!messages.length) return <p className="mb-4 text-muted">{t("none")}</p>;
  return (
    <ol className="mb-6 space-y-3" data-testid="messages">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`rounded-md border p-3 ${m.author === "REQUESTER" ? "border-brand-100 bg-brand-50 sm:ml-8" : "border-stone-300 bg-white sm:mr-8"}`}
        >
          <p className="mb-1 text-sm text-muted">
            <span className="font-semibold">{t(`author.${m.author}`)}</span> ·{" "}
            {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: JST_ZONE })}
          </p>
          <p className="break-words whitespace-pre-wrap">{m.body}</p>
          {m.attachments.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/status/attachments/${a.id}`} className="break-all text-brand-700 underline" download>
                    {t("attachment", { name: a.name })}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
