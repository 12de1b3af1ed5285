import { JST_ZONE } from "@/lib/dates";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RequesterView } from "@/lib/requester/requester-view";
import { Alert } from "@/components/ui/alert";
import { initialFormState } from "@/lib/form-state";
import type { PortalAction } from "@/components/ui/form/action-form";
import { DownloadCodeForm } from "./download-code-form";

/** The disclosed information: by post, or downloaded after a fresh code while the link lasts. */
export async function PackageSection({
  pkg,
  codeAction,
  download,
}: {
  pkg: NonNullable<RequesterView["package"]>;
  codeAction: PortalAction;
  download?: string;
}) {
  const t = await getTranslations("portal.status.package");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: JST_ZONE });
  if (!pkg.published) return null;
  return (
    <section
      aria-labelledby="package-title"
      className="mb-6 rounded-md border border-brand-600 bg-white p-4"
      data-testid="package"
    >
      <h2 id="package-title" className="mb-2 text-xl font-bold">
        {t("title")}
      </h2>
      {download === "verify" && !pkg.downloadVerified ? <Alert tone="warning">{t("verifyAgain")}</Alert> : null}
      {download === "expired" || (pkg.deliveryMethod === "ELECTRONIC" && !pkg.available) ? (
        <Alert tone="warning">{t("expired")}</Alert>
      ) : null}
      {pkg.deliveryMethod !== "ELECTRONIC" ? <p>{t("byPost")}</p> : null}
      {pkg.available ? (
        <>
          {pkg.expiresAt ? <p className="mb-3">{t("until", { date: when(pkg.expiresAt) })}</p> : null}
          {pkg.downloadVerified ? (
            <>
              <p className="mb-2">{t("ready")}</p>
              <ul className="space-y-1" data-testid="package-files">
                {pkg.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/status/package/${f.id}`} className="break-all text-brand-700 underline" download>
                      {t("file", { name: f.name })}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-muted">{t("recorded")}</p>
            </>
          ) : (
            <DownloadCodeForm action={codeAction} initial={initialFormState()} />
          )}
        </>
      ) : null}
    </section>
  );
}
