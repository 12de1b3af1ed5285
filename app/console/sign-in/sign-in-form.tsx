"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { Button, SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { labelOf } from "@/components/ui/form/form-text";
import { idleState } from "@/lib/form-state";
import type { ErrorCode } from "@/lib/errors";
import { passwordStepAction } from "./actions";

export function SignInForm({ notice }: { notice?: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const router = useRouter();
  const [state, action] = useActionState(passwordStepAction, idleState);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restarted, setRestarted] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  // The fields' ids are their names here, so the summary's links and labels share a key.
  const labels = { email: t("email"), password: t("password"), code: t("code") };

  const challenge = state.status === "ok" && restarted === 0 ? state.data : undefined;
  useEffect(() => {
    if (challenge) codeRef.current?.focus();
  }, [challenge]);

  if (challenge?.challenge) {
    const submitCode = async (formData: FormData) => {
      setBusy(true);
      setCodeError(null);
      const res = await signIn("staff-totp", {
        redirect: false,
        challenge: challenge.challenge,
        code: String(formData.get("code") ?? ""),
      });
      setBusy(false);
      if (res?.ok && !res.error) {
        router.replace("/console");
        router.refresh();
        return;
      }
      const code = (res?.error ?? "CODE_INVALID") as ErrorCode;
      setCodeError(te.has(`codes.${code}`) ? te(`codes.${code}`) : te("codes.CODE_INVALID"));
    };
    return (
      <form action={submitCode} noValidate>
        <ErrorSummary
          title={tc("errorSummaryTitle")}
          items={codeError ? [{ fieldId: "code", label: labels.code, message: codeError }] : []}
        />
        {challenge.qr ? (
          <section aria-labelledby="enrol-title" className="mb-6 rounded-md border border-brand-100 bg-white p-4">
            <h2 id="enrol-title" className="mb-2 text-lg font-bold">
              {t("enrolTitle")}
            </h2>
            <p className="mb-3">{t("enrolIntro")}</p>
            {/* A data URL generated on the server; next/image adds nothing here. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={challenge.qr} alt={t("qrAlt")} width={220} height={220} className="mb-3" />
            <p className="text-sm">
              {t("secretLabel")}:{" "}
              <code data-testid="totp-secret" className="break-all rounded bg-stone-100 px-1 font-mono">
                {challenge.secret}
              </code>
            </p>
          </section>
        ) : (
          <p className="mb-4">{t("codeIntro")}</p>
        )}
        <TextField
          ref={codeRef}
          id="code"
          label={labels.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          errors={codeError ? [codeError] : undefined}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {busy ? t("checking") : t("signIn")}
          </Button>
          <Button variant="ghost" onClick={() => setRestarted((n) => n + 1)}>
            {t("startOver")}
          </Button>
        </div>
      </form>
    );
  }

  const error = state.status === "error" && restarted === 0 ? state : null;
  const fieldMsg = (f: string) => error?.fieldErrors[f]?.map((k) => te(k.replace(/^errors\./, "")));
  const summary = error
    ? error.code === "RATE_LIMITED"
      ? [{ message: te("signInWait", { seconds: Number(error.values?.retryAfter ?? 1) }) }]
      : Object.keys(error.fieldErrors).length
        ? Object.entries(error.fieldErrors).map(([f, keys]) => ({
            fieldId: f,
            label: labelOf(labels, f),
            message: keys.map((k) => te(k.replace(/^errors\./, ""))).join(" "),
          }))
        : [{ message: te(`codes.${error.code}`) }]
    : [];
  return (
    <form
      action={(fd) => {
        setRestarted(0);
        action(fd);
      }}
      noValidate
    >
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-brand-50 p-3">
          {notice}
        </p>
      ) : null}
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} />
      <TextField
        id="email"
        type="email"
        label={labels.email}
        autoComplete="username"
        required
        defaultValue={error?.values?.email}
        errors={fieldMsg("email")}
      />
      <TextField
        id="password"
        type="password"
        label={labels.password}
        autoComplete="current-password"
        required
        errors={fieldMsg("password")}
      />
      <SubmitButton pendingLabel={t("checking")}>{t("continue")}</SubmitButton>
    </form>
  );
}
