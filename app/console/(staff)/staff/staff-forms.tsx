"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { labelOf, type FieldLabels } from "@/components/ui/form/form-text";
import { idleState, type FormState } from "@/lib/form-state";
import { inviteStaffAction, staffRowAction } from "./actions";

const roles = ["STAFF", "OFFICER", "ADMIN"] as const;

function useErrorText() {
  const te = useTranslations("errors");
  return (key: string) => (te.has(key.replace(/^errors\./, "")) ? te(key.replace(/^errors\./, "")) : key);
}

function summaryOf(state: FormState, text: (k: string) => string, te: (k: string) => string, labels: FieldLabels) {
  if (state.status !== "error") return [];
  const fields = Object.entries(state.fieldErrors);
  if (!fields.length) return [{ message: te(`codes.${state.code}`) }];
  return fields.map(([f, keys]) => ({
    fieldId: f === "_form" ? undefined : `invite-${f}`,
    label: f === "_form" ? undefined : labelOf(labels, f),
    message: keys.map(text).join(" "),
  }));
}

export function InviteStaffForm() {
  const t = useTranslations("staff");
  const tr = useTranslations("shell.roles");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const text = useErrorText();
  const [state, action] = useActionState(inviteStaffAction, idleState);
  const err = (f: string) => (state.status === "error" ? state.fieldErrors[f]?.map(text) : undefined);
  const values = state.status === "error" ? state.values : undefined;
  const labels = { name: t("name"), email: t("email"), role: t("role") };
  return (
    <form action={action} noValidate className="max-w-lg" key={state.status === "ok" ? state.data?.email : "form"}>
      <ErrorSummary title={tc("errorSummaryTitle")} items={summaryOf(state, text, te, labels)} />
      {state.status === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t("invited", { email: state.data?.email ?? "" })}
        </p>
      ) : null}
      <TextField
        id="invite-name"
        name="name"
        label={labels.name}
        required
        autoComplete="off"
        defaultValue={values?.name}
        errors={err("name")}
      />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label={labels.email}
        required
        autoComplete="off"
        defaultValue={values?.email}
        errors={err("email")}
      />
      <SelectField
        id="invite-role"
        name="role"
        label={labels.role}
        hint={t("roleHelp")}
        defaultValue={values?.role ?? "STAFF"}
        options={roles.map((r) => ({ value: r, label: tr(r) }))}
        errors={err("role")}
      />
      <SubmitButton pendingLabel={t("inviting")}>{t("invite")}</SubmitButton>
    </form>
  );
}

export type StaffRowView = {
  id: string;
  name: string;
  role: (typeof roles)[number];
  active: boolean;
  locked: boolean;
  isSelf: boolean;
};

export function StaffRowActions({ row }: { row: StaffRowView }) {
  const t = useTranslations("staff");
  const tr = useTranslations("shell.roles");
  const te = useTranslations("errors");
  const text = useErrorText();
  const [state, action] = useActionState(staffRowAction, idleState);
  const message =
    state.status === "error"
      ? Object.values(state.fieldErrors).flat().map(text).join(" ") || te(`codes.${state.code}`)
      : state.status === "ok"
        ? t("saved")
        : "";
  return (
    <div className="flex flex-col gap-2">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="staffId" value={row.id} />
        <input type="hidden" name="op" value="role" />
        <label className="sr-only" htmlFor={`role-${row.id}`}>
          {t("roleFor", { name: row.name })}
        </label>
        <select
          id={`role-${row.id}`}
          name="role"
          defaultValue={row.role}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" size="sm">
          {t("changeRole")}
        </SubmitButton>
      </form>
      <div className="flex flex-wrap gap-2">
        {!row.isSelf ? (
          <form action={action}>
            <input type="hidden" name="staffId" value={row.id} />
            <input type="hidden" name="op" value={row.active ? "deactivate" : "reactivate"} />
            <SubmitButton
              variant={row.active ? "danger" : "secondary"}
              size="sm"
              aria-label={`${row.active ? t("deactivate") : t("reactivate")}: ${row.name}`}
            >
              {row.active ? t("deactivate") : t("reactivate")}
            </SubmitButton>
          </form>
        ) : null}
        {row.locked ? (
          <form action={action}>
            <input type="hidden" name="staffId" value={row.id} />
            <input type="hidden" name="op" value="unlock" />
            <SubmitButton variant="secondary" size="sm" aria-label={`${t("unlock")}: ${row.name}`}>
              {t("unlock")}
            </SubmitButton>
          </form>
        ) : null}
        <form action={action}>
          <input type="hidden" name="staffId" value={row.id} />
          <input type="hidden" name="op" value="reset-totp" />
          <SubmitButton variant="ghost" size="sm" aria-label={`${t("resetTotp")}: ${row.name}`}>
            {t("resetTotp")}
          </SubmitButton>
        </form>
      </div>
      <p
        role="status"
        className={`text-sm ${state.status === "error" ? "font-semibold text-danger" : "text-green-800"}`}
      >
        {message}
      </p>
    </div>
  );
}
