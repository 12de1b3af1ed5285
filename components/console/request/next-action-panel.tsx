import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { NextActionView } from "@/lib/console/next-action";
import { buttonClass } from "@/components/ui/button-class";

/**
 * The first thing on the request page: the state, the next action and its button (a link
 * to the open form just below, or to the fees page for those who record payments).
 */
export async function NextActionPanel({
  next,
  statusLabel,
  requestId,
  canApprove,
  canRecordPayment,
}: {
  next: NextActionView;
  statusLabel: string;
  requestId: string;
  canApprove: boolean;
  canRecordPayment: boolean;
}) {
  const t = await getTranslations("console.request.next");
  const a = next.action;
  const button =
    a === "none" || a === "waitForRequester"
      ? null
      : a === "awaitFee" && canRecordPayment
        ? { href: `/console/fees/${requestId}`, label: t("awaitFee.buttonAdmin") }
        : a === "approve" && !canApprove
          ? { href: "#decision", label: t("approve.buttonStaff") }
          : { href: `#${next.anchor === "fee" ? "decision" : (next.anchor ?? "decision")}`, label: t(`${a}.button`) };
  return (
    <section
      aria-labelledby="next-action-title"
      className="mb-4 rounded-md border-2 border-brand-600 bg-brand-50 p-4"
      data-testid="next-action"
      data-action={a}
    >
      <p className="text-sm text-muted">
        {t("state")}: <span className="font-semibold text-stone-900">{statusLabel}</span>
      </p>
      <h2 id="next-action-title" className="mt-1 text-lg font-bold">
        {t("title")}: {t(`${a}.title`)}
      </h2>
      <p className="mt-1 text-sm">
        {a === "awaitFee" && !canRecordPayment
          ? t("awaitFee.hintStaff")
          : a === "approve" && !canApprove
            ? t("approve.hintStaff")
            : t(`${a}.hint`)}
      </p>
      {button ? (
        <p className="mt-3">
          {button.href.startsWith("#") ? (
            <a href={button.href} className={buttonClass("primary")} data-testid="next-action-button">
              {button.label}
            </a>
          ) : (
            <Link href={button.href} className={buttonClass("primary")} data-testid="next-action-button">
              {button.label}
            </Link>
          )}
        </p>
      ) : null}
    </section>
  );
}
