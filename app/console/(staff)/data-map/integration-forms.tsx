"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { Button, SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState, type FormState } from "@/lib/form-state";
import { issueTokenAction, redeliverAction, revokeTokenAction, webhookAction } from "./actions";
import { useFieldErrors, useMessageText, useSummary } from "./form-text";

/** A token or secret shown this once: read-only, selected on focus, with a copy button. */
function ShowOnce({
  id,
  title,
  label,
  hint,
  value,
}: {
  id: string;
  title: string;
  label: string;
  hint: string;
  value: string;
}) {
  const t = useTranslations("integrations");
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied("ok"),
      () => setCopied("failed"),
    );
  return (
    <div className="mb-4 rounded-md border-l-4 border-warn bg-amber-50 p-4" data-testid="show-once">
      <p className="mb-2 font-bold">{title}</p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="mb-2 text-sm">
        {hint}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-3 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
      </div>
      <p role="status" className="mt-1 text-sm">
        {copied === "ok" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}

function StatusLine({ state, ok }: { state: FormState; ok: string }) {
  const text = useMessageText();
  const message =
    state.status === "error"
      ? Object.values(state.fieldErrors).flat().map(text).join(" ") || text(`errors.codes.${state.code}`)
      : state.status === "ok"
        ? ok
        : "";
  return (
    <p role="status" className={`text-sm ${state.status === "error" ? "font-semibold text-danger" : "text-green-800"}`}>
      {message}
    </p>
  );
}

export function WebhookForm({
  systemId,
  webhookUrl,
  hasSecret,
}: {
  systemId: string;
  webhookUrl: string | null;
  hasSecret: boolean;
}) {
  const t = useTranslations("integrations");
  const tc = useTranslations("common");
  const [state, action] = useActionState(webhookAction, idleState);
  const err = useFieldErrors(state);
  const summary = useSummary(state, { webhookUrl: "webhook-url" }, { webhookUrl: t("webhook.url") });
  const secret = state.status === "ok" ? state.data?.secret : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <div className="max-w-2xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} />
      {secret ? (
        <ShowOnce
          id="webhook-secret"
          title={t("webhook.secretTitle")}
          label={t("webhook.secretLabel")}
          hint={t("webhook.secretHint")}
          value={secret}
        />
      ) : null}
      {state.status === "ok" && !secret ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t(`webhook.${state.message === "removed" ? "removed" : "saved"}`)}
        </p>
      ) : null}
      <form action={action} noValidate>
        <input type="hidden" name="systemId" value={systemId} />
        <input type="hidden" name="op" value="set" />
        <TextField
          id="webhook-url"
          name="webhookUrl"
          type="url"
          label={t("webhook.url")}
          hint={t("webhook.urlHint")}
          autoComplete="off"
          inputMode="url"
          defaultValue={values?.webhookUrl ?? webhookUrl ?? ""}
          errors={err("webhookUrl")}
        />
        {webhookUrl && hasSecret ? <p className="mb-3 text-sm text-muted">{t("webhook.secretSet")}</p> : null}
        <SubmitButton>{t("webhook.save")}</SubmitButton>
      </form>
      {webhookUrl ? (
        <div className="mt-4 flex flex-wrap items-start gap-3">
          <form action={action}>
            <input type="hidden" name="systemId" value={systemId} />
            <input type="hidden" name="op" value="rotate" />
            <SubmitButton variant="secondary" size="sm" aria-describedby="rotate-hint">
              {t("webhook.rotate")}
            </SubmitButton>
          </form>
          <form action={action}>
            <input type="hidden" name="systemId" value={systemId} />
            <input type="hidden" name="op" value="remove" />
            <SubmitButton variant="danger" size="sm">
              {t("webhook.remove")}
            </SubmitButton>
          </form>
          <p id="rotate-hint" className="w-full text-sm text-muted">
            {t("webhook.rotateHint")}
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function IssueTokenForm({ systemId }: { systemId: string }) {
  const t = useTranslations("integrations");
  const tc = useTranslations("common");
  const [state, action] = useActionState(issueTokenAction, idleState);
  const err = useFieldErrors(state);
  const labels = { name: t("tokens.name"), scopes: t("tokens.scopes") };
  const summary = useSummary(state, { name: "token-name", scopes: "token-scope-read" }, labels);
  const token = state.status === "ok" ? state.data?.token : undefined;
  const scopeErrors = err("scopes");
  return (
    <div className="max-w-2xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} />
      {token ? (
        <ShowOnce
          id="api-token"
          title={t("tokens.tokenTitle")}
          label={t("tokens.tokenLabel")}
          hint={t("tokens.tokenHint")}
          value={token}
        />
      ) : null}
      <form action={action} noValidate key={token ?? "form"}>
        <input type="hidden" name="systemId" value={systemId} />
        <TextField
          id="token-name"
          name="name"
          label={labels.name}
          hint={t("tokens.nameHint")}
          required
          autoComplete="off"
          errors={err("name")}
        />
        <fieldset className="mb-5" aria-describedby={scopeErrors?.length ? "token-scopes-error" : undefined}>
          <legend className="mb-1 font-semibold">{labels.scopes}</legend>
          {scopeErrors?.length ? (
            <p id="token-scopes-error" className="mb-1 text-sm font-semibold text-danger">
              {scopeErrors.join(" ")}
            </p>
          ) : null}
          {(["tasks:read", "tasks:write"] as const).map((scope) => (
            <label key={scope} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                id={scope === "tasks:read" ? "token-scope-read" : "token-scope-write"}
                name="scopes"
                value={scope}
                defaultChecked
                className="size-5"
              />
              {t(`tokens.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <SubmitButton pendingLabel={t("tokens.issuing")}>{t("tokens.issue")}</SubmitButton>
      </form>
    </div>
  );
}

/**
 * Revoking cannot be undone, so it asks first (in the page, reachable by keyboard), and
 * the outcome stays on screen after the row turns to "revoked" (issue 17): the form stays
 * mounted for a revoked token and keeps its state.
 */
export function RevokeTokenForm({
  tokenId,
  systemId,
  name,
  revoked,
}: {
  tokenId: string;
  systemId: string;
  name: string;
  revoked: boolean;
}) {
  const t = useTranslations("integrations");
  const [state, action] = useActionState(revokeTokenAction, idleState);
  const [asking, setAsking] = useState(false);
  if (revoked) return state.status === "ok" ? <StatusLine state={state} ok={t("tokens.revokedOk")} /> : null;
  if (!asking) {
    return (
      <div>
        <Button variant="danger" size="sm" aria-label={t("tokens.revokeFor", { name })} onClick={() => setAsking(true)}>
          {t("tokens.revoke")}
        </Button>
        <StatusLine state={state} ok={t("tokens.revokedOk")} />
      </div>
    );
  }
  return (
    <form
      action={action}
      role="group"
      aria-labelledby={`revoke-${tokenId}-q`}
      className="rounded-md border-l-4 border-danger bg-red-50 p-2"
      data-testid="revoke-confirm"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <input type="hidden" name="systemId" value={systemId} />
      <p id={`revoke-${tokenId}-q`} className="mb-2 text-sm font-semibold">
        {t("tokens.revokeConfirm", { name })}
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" size="sm" autoFocus>
          {t("tokens.revokeYes")}
        </SubmitButton>
        <Button variant="secondary" size="sm" onClick={() => setAsking(false)}>
          {t("tokens.revokeNo")}
        </Button>
      </div>
      <StatusLine state={state} ok={t("tokens.revokedOk")} />
    </form>
  );
}

export function RedeliverForm({
  deliveryId,
  systemId,
  label,
}: {
  deliveryId: string;
  systemId: string;
  label: string;
}) {
  const t = useTranslations("integrations");
  const [state, action] = useActionState(redeliverAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <input type="hidden" name="systemId" value={systemId} />
      <SubmitButton variant="secondary" size="sm" aria-label={label}>
        {t("deliveries.redeliver")}
      </SubmitButton>
      <StatusLine state={state} ok={t("deliveries.redelivered")} />
    </form>
  );
}
