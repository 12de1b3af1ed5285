"use client";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState, type FormState } from "@/lib/form-state";
import { buttonClass } from "@/components/ui/button-class";
import { useFlash } from "@/components/console/flash";
import { useRequestVersion } from "@/components/console/request-version";
import { fieldId, labelOf, useKeyText, type FieldLabels } from "./form-text";

export type ConsoleAction = (prev: FormState, formData: FormData) => Promise<FormState>;

// The console's submit mode (ADR 0020): the server action runs inside a transition, so
// the page keeps its state and the section's flash can speak. The portal's native mode
// is ./action-form.tsx.

/**
 * A console form: calls the server action inside a transition (what was typed is kept
 * when the save fails), reports pending, and clears itself after a success when asked.
 * The button that submitted is part of the form data (intent). The outcome is announced
 * in the section's flash from here, not from an effect in the form: a form that vanishes
 * with its own success (or with the change it lost to) would never get to say so.
 */
export function useConsoleForm(
  action: ConsoleAction,
  opts: { resetOnOk?: boolean; ok?: (result: FormState & { status: "ok" }) => string | undefined } = {},
) {
  const [state, setState] = useState<FormState>(idleState);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const text = useKeyText();
  const flash = useFlash();
  const requestVersion = useRequestVersion();
  const t = useTranslations("console.form");
  const okOf = (s: FormState) => (s.status === "ok" && opts.ok ? opts.ok(s) : undefined);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(async () => {
      const result = await action(state, data);
      const returned = result.status === "ok" ? Number(result.data?.requestVersion) : Number.NaN;
      if (requestVersion && Number.isInteger(returned)) requestVersion.update(returned);
      startTransition(() => setState(result));
      if (result.status === "ok" && opts.resetOnOk) formRef.current?.reset();
      const ok = okOf(result);
      if (flash && ok) flash({ tone: "success", body: ok });
      if (flash && result.status === "error" && result.code === "STALE_VERSION")
        flash({ tone: "warning", title: t("conflictTitle"), body: t("conflictBody") });
    });
  };
  const errors = (field: string) =>
    state.status === "error" ? state.fieldErrors[field]?.map((k) => text(k)) : undefined;
  return {
    state,
    pending,
    errors,
    form: { ref: formRef, onSubmit, noValidate: true },
    feedback: { state, ok: okOf(state) },
  };
}

/**
 * What a console form says after a submit: the conflict (someone saved first — the page
 * has already reloaded their change), the error summary linking to fields, or success.
 * Success and conflicts go to the page's flash when there is one, because the form may
 * disappear with the change it made (or the one it lost to). `labels` are the fields'
 * own labels, by form name, so each summary item names its field.
 */
export function FormFeedback({
  state,
  prefix,
  labels,
  ok,
}: {
  state: FormState;
  prefix: string;
  labels?: FieldLabels;
  ok?: string;
}) {
  const t = useTranslations();
  const text = useKeyText();
  const flash = useFlash();
  if (state.status === "ok") {
    return ok && !flash ? (
      <p role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3" data-testid="form-ok">
        {ok}
      </p>
    ) : null;
  }
  if (state.status !== "error") return null;
  if (state.code === "STALE_VERSION") {
    return flash ? null : (
      <div role="alert" className="mb-4 rounded-md border-l-4 border-warn bg-amber-50 p-4" data-testid="conflict">
        <p className="font-bold">{t("console.form.conflictTitle")}</p>
        <p>{t("console.form.conflictBody")}</p>
      </div>
    );
  }
  const fields = Object.entries(state.fieldErrors);
  const items = fields.length
    ? fields.map(([f, keys]) => {
        const target = f === "_form" ? undefined : fieldId(prefix, f);
        return {
          fieldId: target,
          label: target ? labelOf(labels, f) : undefined,
          message: keys.map((k) => text(k)).join(" "),
        };
      })
    : [{ message: t(`errors.codes.${state.code}`) }];
  return <ErrorSummary title={t("common.errorSummaryTitle")} items={items} />;
}

/** A submit button that shows the form is working (the form is not a native action, so useFormStatus does not apply). */
export function PendingButton({
  pending,
  children,
  variant = "primary",
  name,
  value,
  className = "",
}: {
  pending: boolean;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
  className?: string;
}) {
  const t = useTranslations("console.form");
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`${buttonClass(variant)} ${className}`}
    >
      {pending ? t("working") : children}
    </button>
  );
}
