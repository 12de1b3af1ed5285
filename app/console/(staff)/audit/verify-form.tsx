"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type FormState } from "@/lib/form-state";
import { buttonClass } from "@/components/ui/button-class";
import { verifyChainAction } from "./actions";

/** The chain check button and its outcome, which stays on screen until the next run. */
export function VerifyChainForm() {
  const t = useTranslations("console.audit.verify");
  const [state, action, pending] = useActionState<FormState>(verifyChainAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="audit-verify">
      <p className="text-sm text-muted">{t("intro")}</p>
      <div>
        <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-disabled={pending}>
          {pending ? t("running") : t("submit")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.status === "ok" && state.message === "ok" ? (
          <p
            className="rounded-md border-l-4 border-green-700 bg-green-50 p-3"
            data-testid="audit-verify-result"
            data-ok="true"
          >
            {t("ok", { checked: Number(state.data?.checked ?? 0) })}
          </p>
        ) : state.status === "ok" ? (
          <p
            className="rounded-md border-l-4 border-danger bg-red-50 p-3"
            data-testid="audit-verify-result"
            data-ok="false"
          >
            {t("broken", { checked: Number(state.data?.checked ?? 0), seq: state.data?.brokenSeq ?? "" })}
          </p>
        ) : state.status === "error" ? (
          <p className="rounded-md border-l-4 border-danger bg-red-50 p-3">{t("failed")}</p>
        ) : null}
      </div>
    </form>
  );
}
