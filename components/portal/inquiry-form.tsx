"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { INQUIRY_KINDS, INQUIRY_TOPICS } from "@/lib/requests/request-choices";
import { Choices } from "@/components/ui/form/choices";
import {
  ActionButton,
  FormErrors,
  FormNotice,
  usePortalForm,
  type PortalAction,
} from "@/components/ui/form/action-form";
import { DefaultSubmit, EmailCodeFields } from "@/components/portal/wizard-buttons";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

const FIELDS = ["kind", "topic", "message", "name", "email", "reference", "phone"] as const;

/** Art 11, 12: the message, then the emailed code, then the acknowledgement with a reference. */
export function InquiryForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.inquiry");
  const tr = useTranslations("requests");
  const tc = useTranslations("common");
  const stage = f.state.data?.stage;
  const req = { requiredLabel: tc("required"), optionalLabel: tc("optional") };
  const labels: Record<(typeof FIELDS)[number] | "code", string> = {
    kind: t("kind"),
    topic: t("topic"),
    message: t("message"),
    name: t("name"),
    email: t("email"),
    reference: t("reference"),
    phone: t("phone"),
    code: t("code"),
  };
  if (stage === "done") {
    return (
      <div role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4">
        <h2 className="mb-2 text-xl font-bold">{t("doneTitle")}</h2>
        <p className="mb-1">{t("referenceLabel")}</p>
        <p className="mb-2 text-2xl font-bold tracking-wider" data-testid="reference">
          {f.state.data?.reference}
        </p>
        <p className="mb-3">{t("doneBody")}</p>
        <Link href="/" className="text-brand-700 underline">
          {tc("backHome")}
        </Link>
      </div>
    );
  }
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        {stage === "code" ? (
          <>
            <DefaultSubmit value="verify" />
            {FIELDS.map((k) => (
              <input key={k} type="hidden" name={k} value={f.v(k)} />
            ))}
            <input type="hidden" name="idempotencyKey" value={f.state.data?.idempotencyKey ?? ""} />
            <EmailCodeFields
              intro={t("codeFor", { email: f.v("email") })}
              errors={f.err("code")}
              labels={{
                code: labels.code,
                codeHint: t("codeHint"),
                required: tc("required"),
                verify: t("submit"),
                resend: t("resend"),
                back: t("edit"),
              }}
              backValue="edit"
              pending={f.pending}
            />
          </>
        ) : (
          <>
            <Choices
              id={fieldId("f", "kind")}
              name="kind"
              legend={labels.kind}
              required
              requiredLabel={req.requiredLabel}
              errors={f.err("kind")}
              checked={f.vs("kind").length ? f.vs("kind") : ["INQUIRY"]}
              options={INQUIRY_KINDS.map((k) => ({
                value: k,
                label: tr(`inquiryKinds.${k}`),
                description: t(`kindHint.${k}`),
              }))}
            />
            <SelectField
              id={fieldId("f", "topic")}
              name="topic"
              label={labels.topic}
              defaultValue={f.v("topic")}
              errors={f.err("topic")}
              required
              {...req}
              options={[
                { value: "", label: t("chooseTopic") },
                ...INQUIRY_TOPICS.map((k) => ({ value: k, label: tr(`inquiryTopics.${k}`) })),
              ]}
            />
            <TextareaField
              id={fieldId("f", "message")}
              name="message"
              label={labels.message}
              hint={t("messageHint")}
              defaultValue={f.v("message")}
              errors={f.err("message")}
              rows={6}
              required
              {...req}
            />
            <TextField
              id={fieldId("f", "name")}
              name="name"
              label={labels.name}
              defaultValue={f.v("name")}
              errors={f.err("name")}
              autoComplete="name"
              required
              {...req}
            />
            <TextField
              id={fieldId("f", "email")}
              name="email"
              type="email"
              label={labels.email}
              hint={t("emailHint")}
              defaultValue={f.v("email")}
              errors={f.err("email")}
              autoComplete="email"
              required
              {...req}
            />
            <TextField
              id={fieldId("f", "phone")}
              name="phone"
              type="tel"
              label={labels.phone}
              defaultValue={f.v("phone")}
              errors={f.err("phone")}
              autoComplete="tel"
              {...req}
            />
            <TextField
              id={fieldId("f", "reference")}
              name="reference"
              label={labels.reference}
              hint={t("referenceHint")}
              defaultValue={f.v("reference")}
              errors={f.err("reference")}
              autoComplete="off"
              {...req}
            />
            <ActionButton pending={f.pending} value="send" className="w-full sm:w-auto">
              {t("send")}
            </ActionButton>
          </>
        )}
      </form>
    </>
  );
}
