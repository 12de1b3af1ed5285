"use client";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { NoticePreview } from "@/components/console/notice-preview";
import { buttonClass } from "@/components/ui/button-class";
import { noticeAction, noticePostingAction } from "./notice-actions";

/** Preview first; the send button appears with the preview and sends exactly what was shown. */
export function NoticeForm({ requestId, kinds }: { requestId: string; kinds: readonly string[] }) {
  const t = useTranslations("console.request.notices");
  const k = useTranslations("requests.noticeKinds");
  const d = useTranslations("console.request.decision");
  const f = useTranslations("console.form");
  const { state, pending, errors, form, feedback } = useConsoleForm(noticeAction, {
    ok: (s) => (s.message === "sent" ? t("sent") : undefined),
  });
  const preview = state.status === "ok" && state.message === "preview" ? state.data : undefined;
  const labels = { kind: t("kind"), message: t("message") };
  return (
    <div data-testid="notice-form">
      <form {...form}>
        <FormFeedback {...feedback} prefix="notice" labels={labels} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="intent" value="preview" />
        <SelectField
          id={fieldId("notice", "kind")}
          name="kind"
          label={labels.kind}
          defaultValue={kinds[0]}
          errors={errors("kind")}
          options={kinds.map((x) => ({ value: x, label: k(x) }))}
        />
        <TextareaField
          id={fieldId("notice", "message")}
          name="message"
          label={labels.message}
          rows={2}
          maxLength={4000}
          errors={errors("message")}
          optionalLabel={f("optional")}
        />
        <PendingButton pending={pending} variant="secondary">
          {t("preview")}
        </PendingButton>
      </form>
      {preview ? (
        <>
          <NoticePreview title={d("previewTitle")} subject={preview.subject ?? ""} body={preview.body ?? ""} />
          <div className="mt-3 flex flex-wrap gap-3">
            <a
              href={`/console/view-pdf?src=${encodeURIComponent(`/console/requests/${requestId}/notice-preview?kind=${preview.kind ?? ""}`)}`}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonClass("ghost", "sm")}
            >
              {t("previewPdf")}
            </a>
            <form {...form}>
              <input type="hidden" name="requestId" value={requestId} />
              <input type="hidden" name="kind" value={preview.kind ?? ""} />
              <input type="hidden" name="message" value={preview.message ?? ""} />
              <PendingButton pending={pending} name="intent" value="send">
                {t("send")}
              </PendingButton>
            </form>
          </div>
        </>
      ) : null}
    </div>
  );
}

export function NoticePostingForm({
  requestId,
  noticeId,
  label,
  today,
}: {
  requestId: string;
  noticeId: string;
  label: string;
  today: string;
}) {
  const t = useTranslations("console.request.notices");
  const f = useTranslations("console.form");
  const { pending, errors, form, feedback } = useConsoleForm(noticePostingAction, { ok: () => t("postingSaved") });
  const prefix = `notice-post-${noticeId}`;
  const labels = { postedOn: t("postedOn"), trackingNumber: t("trackingNumber") };
  return (
    <form {...form} className="mt-2 flex flex-wrap items-end gap-3" aria-label={label}>
      <div className="w-full">
        <FormFeedback {...feedback} prefix={prefix} labels={labels} />
      </div>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextField
        id={fieldId(prefix, "postedOn")}
        name="postedOn"
        type="date"
        label={labels.postedOn}
        defaultValue={today}
        required
        errors={errors("postedOn")}
      />
      <TextField
        id={fieldId(prefix, "trackingNumber")}
        name="trackingNumber"
        label={labels.trackingNumber}
        maxLength={60}
        autoComplete="off"
        errors={errors("trackingNumber")}
        optionalLabel={f("optional")}
      />
      <div className="mb-5">
        <PendingButton pending={pending} variant="secondary">
          {t("recordPosting")}
        </PendingButton>
      </div>
    </form>
  );
}
