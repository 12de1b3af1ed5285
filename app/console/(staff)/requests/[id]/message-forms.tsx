"use client";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { addNoteAction, sendMessageAction } from "./actions";

export function SendMessageForm({ requestId }: { requestId: string }) {
  const t = useTranslations("console.request.messages");
  const { pending, errors, form, feedback } = useConsoleForm(sendMessageAction, {
    resetOnOk: true,
    ok: () => t("sent"),
  });
  const attachmentErrors = errors("attachments") ?? [];
  const labels = { body: t("body"), attachments: t("files") };
  return (
    <form {...form} encType="multipart/form-data" data-testid="message-form">
      <h3 className="mb-2 font-bold">{t("sendTitle")}</h3>
      <FormFeedback {...feedback} prefix="message" labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField
        id={fieldId("message", "body")}
        name="body"
        label={labels.body}
        hint={t("bodyHint")}
        rows={4}
        maxLength={4000}
        required
        errors={errors("body")}
      />
      <div className="mb-5">
        <label htmlFor={fieldId("message", "attachments")} className="mb-1 block font-semibold">
          {labels.attachments}
        </label>
        {attachmentErrors.length ? (
          <p id="message-attachments-error" className="mb-1 text-sm font-semibold text-danger">
            {attachmentErrors.join(" ")}
          </p>
        ) : null}
        <input
          id={fieldId("message", "attachments")}
          name="attachments"
          type="file"
          multiple
          className="block w-full text-sm"
          aria-describedby={attachmentErrors.length ? "message-attachments-error" : undefined}
        />
      </div>
      <PendingButton pending={pending}>{t("send")}</PendingButton>
    </form>
  );
}

export function InternalNoteForm({ requestId }: { requestId: string }) {
  const t = useTranslations("console.request.messages");
  const { pending, errors, form, feedback } = useConsoleForm(addNoteAction, {
    resetOnOk: true,
    ok: () => t("noteSaved"),
  });
  return (
    <form {...form} data-testid="note-form">
      <h3 className="mb-2 font-bold">{t("noteTitle")}</h3>
      <FormFeedback {...feedback} prefix="note" labels={{ body: t("note") }} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField
        id={fieldId("note", "body")}
        name="body"
        label={t("note")}
        hint={t("noteHint")}
        rows={3}
        maxLength={4000}
        required
        errors={errors("body")}
      />
      <PendingButton pending={pending} variant="secondary">
        {t("addNote")}
      </PendingButton>
    </form>
  );
}
