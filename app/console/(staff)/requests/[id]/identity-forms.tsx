"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { TextField, TextareaField, SelectField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { clearerCopyAction, identityCheckAction } from "./actions";

export function IdentityCheckForm({
  requestId,
  version,
  hasAgent,
  systems,
}: {
  requestId: string;
  version: number;
  hasAgent: boolean;
  systems: { id: string; name: string }[];
}) {
  const t = useTranslations("console.request.identity");
  const f = useTranslations("console.form");
  const { pending, errors, form, feedback } = useConsoleForm(identityCheckAction, {
    resetOnOk: true,
    ok: () => t("saved"),
  });
  const id = (k: string) => fieldId("identity", k);
  const labels = {
    holder: t("holder"),
    result: t("result"),
    matchedRecord: t("matchedRecord"),
    matchedSystemId: t("matchedSystem"),
    reason: t("reason"),
  };
  return (
    <form {...form} data-testid="identity-form">
      <FormFeedback {...feedback} prefix="identity" labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      {hasAgent ? (
        <Choices
          appearance="list"
          id={id("holder")}
          name="holder"
          legend={labels.holder}
          checked="SUBJECT"
          errors={errors("holder")}
          options={[
            { value: "SUBJECT", label: t("holderSUBJECT") },
            { value: "AGENT", label: t("holderAGENT") },
          ]}
        />
      ) : null}
      <Choices
        appearance="list"
        id={id("result")}
        name="result"
        legend={labels.result}
        errors={errors("result")}
        options={[
          { value: "VERIFIED", label: t("resultVERIFIED") },
          { value: "FAILED", label: t("resultFAILED") },
        ]}
      />
      <TextField
        id={id("matchedRecord")}
        name="matchedRecord"
        label={labels.matchedRecord}
        hint={t("matchedRecordHint")}
        maxLength={120}
        autoComplete="off"
        errors={errors("matchedRecord")}
        optionalLabel={f("optional")}
      />
      <SelectField
        id={id("matchedSystemId")}
        name="matchedSystemId"
        label={labels.matchedSystemId}
        defaultValue=""
        errors={errors("matchedSystemId")}
        options={[{ value: "", label: t("noSystem") }, ...systems.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <TextareaField
        id={id("reason")}
        name="reason"
        label={labels.reason}
        hint={t("reasonHint")}
        rows={3}
        maxLength={2000}
        errors={errors("reason")}
      />
      <PendingButton pending={pending}>{t("submit")}</PendingButton>
    </form>
  );
}

export function ClearerCopyForm({
  requestId,
  version,
  documents,
}: {
  requestId: string;
  version: number;
  documents: { id: string; label: string }[];
}) {
  const t = useTranslations("console.request.identity");
  const { pending, errors, form, feedback } = useConsoleForm(clearerCopyAction, {
    resetOnOk: true,
    ok: () => t("clearerSaved"),
  });
  const id = (k: string) => fieldId("clearer", k);
  const labels = { documentIds: t("clearerDocuments"), review: t("clearerReview"), message: t("clearerMessage") };
  return (
    <form {...form} data-testid="clearer-form">
      <FormFeedback {...feedback} prefix="clearer" labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <p className="mb-3 text-sm">{t("clearerIntro")}</p>
      {documents.length ? (
        <Choices
          appearance="list"
          id={id("documentIds")}
          name="documentIds"
          type="checkbox"
          legend={labels.documentIds}
          errors={errors("documentIds")}
          options={documents.map((d) => ({ value: d.id, label: d.label }))}
        />
      ) : null}
      <Choices
        appearance="list"
        id={id("review")}
        name="review"
        legend={labels.review}
        checked="UNCLEAR"
        errors={errors("review")}
        options={[
          { value: "UNCLEAR", label: t("reviewUNCLEAR") },
          { value: "UNMASKED", label: t("reviewUNMASKED") },
        ]}
      />
      <TextareaField
        id={id("message")}
        name="message"
        label={labels.message}
        hint={t("clearerMessageHint")}
        rows={4}
        maxLength={2000}
        required
        errors={errors("message")}
      />
      <PendingButton pending={pending} variant="secondary">
        {t("clearerSubmit")}
      </PendingButton>
    </form>
  );
}
