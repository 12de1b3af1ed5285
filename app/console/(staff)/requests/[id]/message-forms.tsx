"use client";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, fieldId, useConsoleForm } from "@/components/console/console-form";
import { addNoteAction, sendMessageAction } from "./actions";

export function SendMessageForm({ requestId }: { requestId: string }) {
  const t = useTranslations("console.request.messages");
  const { state, pending, errors, form } = useConsoleForm(sendMessageAction, { resetOnOk: true });
  const attachmentErrors = errors("attachments") ?? [];
  return (
    <form {...form} encType="multipart/form-data" data-testid="message-form">
      <h3 className="mb-2 font-bold">{t("sendTitle")}</h3>
      <FormFeedback state={state} prefix="message" ok={t("sent")} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField id={fieldId("message", "body")} name="body" label={t("body")} hint={t("bodyHint")} rows={4} maxLength={4000} required errors={errors("body")} />
      <div className="mb-5">
        <label htmlFor={fieldId("message", "attachments")} className="mb-1 block font-semibold">
          {t("files")}
        </label>
        {attachmentErrors.length ? (
          <p id="message-attachments-error" className="mb-1 text-sm font-semibold text-danger">
            {attachmentErrors.join(" ")}
          </p>
        ) : null}
        <input id={fieldId("message", "attachments")} name="attachments" type="file" multiple className="block w-full text-sm" aria-describedby={attachmentErrors.length ? "message-attachments-error" : undefined} />
      </div>
      <PendingButton pending={pending}>{t("send")}</PendingButton>
    </form>
  );
}

export function InternalNoteForm({ requestId }: { requestId: string }) {
  const t = useTranslations("console.request.messages");
  const { state, pending, errors, form } = useConsoleForm(addNoteAction, { resetOnOk: true });
  return (
    <form {...form} data-testid="note-form">
      <h3 className="mb-2 font-bold">{t("noteTitle")}</h3>
      <FormFeedback state={state} prefix="note" ok={t("noteSaved")} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField id={fieldId("note", "body")} name="body" label={t("note")} hint={t("noteHint")} rows={3} maxLength={4000} required errors={errors("body")} />
      <PendingButton pending={pending} variant="secondary">
        {t("addNote")}
      </PendingButton>
    </form>
  );
}
