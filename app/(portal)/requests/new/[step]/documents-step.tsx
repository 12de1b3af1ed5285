import { getTranslations } from "next-intl/server";
import { listDraftUploads } from "@/lib/uploads/draft-uploads";
import { MAX_FILE_BYTES, MAX_FILES } from "@/lib/uploads/upload-limits";
import { documentKindsFor, wizardRequesterKind, type WizardDraft } from "@/lib/requests/wizard-values";
import { Alert } from "@/components/ui/alert";
import { UploadPanel } from "@/components/portal/wizard/upload-panel";
import { UploadedFiles } from "@/components/portal/wizard/uploaded-files";
import { DocumentsStepForm } from "@/components/portal/wizard/documents-step-form";
import { initialFormState } from "@/lib/form-state";
import { removeUploadAction, saveDocumentsStep } from "../actions";

const UPLOAD_FIELDS = new Set(["file", "kind", "issuedOn", "files", "_form"]);

/** A refused upload without JavaScript comes back as ?uploadError=<message key>&field=<field>. */
function uploadErrorsFrom(query: Record<string, string | string[] | undefined>): Record<string, string[]> {
  const key = typeof query.uploadError === "string" ? query.uploadError : "";
  const field = typeof query.field === "string" && UPLOAD_FIELDS.has(query.field) ? query.field : "_form";
  if (/^errors\.[A-Za-z]+$/.test(key)) return { [field]: [key] };
  if (/^codes\.[A-Z_]+$/.test(key)) return { _form: [`errors.${key}`] };
  return {};
}

export async function DocumentsStep({
  draft,
  draftKey,
  query,
}: {
  draft: WizardDraft;
  draftKey: string;
  query: Record<string, string | string[] | undefined>;
}) {
  const t = await getTranslations("portal.wizard.documents");
  const tr = await getTranslations("requests");
  const requesterKind = wizardRequesterKind(draft) ?? "SELF";
  const uploads = await listDraftUploads({ draftKey });
  const kinds = documentKindsFor(requesterKind).map((k) => ({ value: k, label: tr(`documentKinds.${k}`) }));
  const guidance = [
    "maskMyNumber",
    "maskHonseki",
    "frontOnly",
    "maskInsurerNumber",
    "maskResidentRecord",
    "recent",
  ] as const;
  return (
    <>
      {query.uploaded ? (
        <Alert tone="success" live>
          {t("uploadedNoJs")}
        </Alert>
      ) : null}
      {query.removed ? (
        <Alert tone="success" live>
          {t("removed")}
        </Alert>
      ) : null}
      <section aria-labelledby="need-title" className="mb-6">
        <h2 id="need-title" className="mb-2 text-lg font-bold">
          {t("needTitle")}
        </h2>
        <p className="mb-2">{t(`need.${requesterKind}`)}</p>
        <p className="text-sm text-muted">{tr("documentGuidance.intro")}</p>
      </section>
      <section aria-labelledby="mask-title" className="mb-6 rounded-md border-l-4 border-warn bg-amber-50 p-4">
        <h2 id="mask-title" className="mb-2 text-lg font-bold">
          {t("maskTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {guidance.map((g) => (
            <li key={g}>{tr(`documentGuidance.${g}`)}</li>
          ))}
        </ul>
      </section>
      <UploadedFiles uploads={uploads} documents={draft.files} removeAction={removeUploadAction} />
      <UploadPanel
        kinds={kinds}
        maxBytes={MAX_FILE_BYTES}
        initialErrors={uploadErrorsFrom(query)}
        full={uploads.length >= MAX_FILES}
      />
      <p className="mb-6 text-sm text-muted">{tr("documentGuidance.formats")}</p>
      <DocumentsStepForm
        action={saveDocumentsStep}
        initial={initialFormState(draft.answers.documents)}
        fileKinds={draft.files.map((d) => tr(`documentKinds.${d.kind}`))}
      />
    </>
  );
}
