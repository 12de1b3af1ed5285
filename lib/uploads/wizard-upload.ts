import { z } from "zod";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { readStoredFile } from "@/lib/files/file-store";
import { calendarDate, choice } from "@/lib/requests/schema-fields";
import { DOCUMENT_KINDS } from "@/lib/requests/document-rules";
import { jstDate } from "@/lib/dates";
import { loadWizardDraft, updateWizardDraft } from "@/lib/requests/wizard-draft";
import { documentKindsFor, holderFor, wizardRequesterKind, type DraftDocument } from "@/lib/requests/wizard-values";
import { addDraftUpload, draftFilesWhere, draftKeyHash, type DraftUpload } from "./draft-uploads";
import type { UploadCandidate } from "./inspect-upload";

// A document uploaded on the wizard's documents step: what it is (checked against the
// kinds this requester may send), when a certificate was issued, then the file itself
// through addDraftUpload (type by content, size, metadata removed, encrypted). The
// wizard's answers remember what each file is.

const uploadSchema = z.object({
  kind: choice(DOCUMENT_KINDS),
  issuedOn: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    calendarDate()
      .refine((d) => d <= jstDate(new Date()), { error: "errors.dateInFuture" })
      .optional(),
  ),
});

export async function addWizardUpload(opts: {
  draftKey: string;
  input: unknown;
  file: UploadCandidate | null;
  clientKey?: string;
  now?: Date;
}): Promise<{ upload: DraftUpload; document: DraftDocument }> {
  const now = opts.now ?? new Date();
  const draft = await loadWizardDraft(opts.draftKey, now);
  const requesterKind = draft ? wizardRequesterKind(draft) : undefined;
  // The documents step comes after "who is asking"; without it there is no draft to add to.
  if (!requesterKind) throw new AppError("INVALID_STATE", "no wizard draft", { _form: ["errors.fileMissing"] });
  const q = parseInput(uploadSchema, opts.input, "wizard upload");
  if (!documentKindsFor(requesterKind).includes(q.kind))
    throw new AppError("INVALID_INPUT", "kind not for requester", { kind: ["errors.documentNotForRequester"] });
  if (!opts.file || opts.file.bytes.length === 0)
    throw new AppError("INVALID_INPUT", "no file", { file: [opts.file ? "errors.fileEmpty" : "errors.required"] });
  const upload = await addDraftUpload({ draftKey: opts.draftKey, file: opts.file, clientKey: opts.clientKey, now });
  const document: DraftDocument = {
    fileId: upload.id,
    kind: q.kind,
    holder: holderFor(requesterKind, q.kind),
    ...(q.issuedOn ? { issuedOn: q.issuedOn } : {}),
  };
  await updateWizardDraft(
    opts.draftKey,
    (d) => ({ ...d, declarationAccepted: false, files: [...d.files.filter((f) => f.fileId !== upload.id), document] }),
    now,
  );
  return { upload, document };
}

/** One file of the person's own draft, for its preview; any other id is NOT_FOUND. */
export async function readWizardUpload(opts: {
  draftKey: string;
  fileId: string;
  now?: Date;
}): Promise<{ content: Buffer; mimeType: string; fileName: string }> {
  const file = await prisma.storedFile.findFirst({
    where: { ...draftFilesWhere(draftKeyHash(opts.draftKey), opts.now ?? new Date()), id: opts.fileId },
  });
  if (!file) throw new AppError("NOT_FOUND", "draft upload");
  return { content: await readStoredFile(file), mimeType: file.mimeType, fileName: file.originalName };
}
