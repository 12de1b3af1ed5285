"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { labelOf } from "@/components/ui/form/form-text";
import { idleState } from "@/lib/form-state";
import { acceptInviteAction } from "./actions";

export function InviteForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const [state, action] = useActionState(acceptInviteAction, idleState);
  const text = (k: string) => te(k.replace(/^errors\./, ""));
  const labels = { password: t("newPassword"), confirm: t("confirmPassword") };
  const err = (f: string) => (state.status === "error" ? state.fieldErrors[f]?.map(text) : undefined);
  const items =
    state.status === "error"
      ? Object.keys(state.fieldErrors).length
        ? Object.entries(state.fieldErrors).map(([f, ks]) => ({
            fieldId: f === "token" ? undefined : f,
            label: f === "token" ? undefined : labelOf(labels, f),
            message: ks.map(text).join(" "),
          }))
        : [{ message: te(`codes.${state.code}`) }]
      : [];
  return (
    <form action={action} noValidate>
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      <input type="hidden" name="token" value={token} />
      <TextField
        id="password"
        type="password"
        label={labels.password}
        autoComplete="new-password"
        required
        minLength={12}
        errors={err("password")}
      />
      <TextField
        id="confirm"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        required
        errors={err("confirm")}
      />
      <SubmitButton>{t("setPassword")}</SubmitButton>
    </form>
  );
}
