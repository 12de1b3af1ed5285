"use server";
import type { FormState } from "@/lib/form-state";
import { AppError } from "@/lib/errors";
import { createOrUpdatePackage } from "@/lib/packages/create-package";
import { addPackageFile, removePackageFile } from "@/lib/packages/package-files";
import { attachProvisionRecords } from "@/lib/packages/provision-records";
import { publishPackage, recordPosting } from "@/lib/packages/publish-package";
import { previewNotice } from "@/lib/notices/send-notice";
import { formInput } from "@/lib/form-input";
import {
  attachProvisionRecordsSchema,
  createOrUpdatePackageSchema,
  publishPackageSchema,
  recordPostingSchema,
  removePackageFileSchema,
} from "@/lib/packages/package-schemas";
import { runRequestAction, uploadsOf, versionOf } from "./action-helpers";

export async function savePackageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await createOrUpdatePackage({
      actor,
      // A delivery method no option offers fails the schema; before, it was dropped silently.
      input: { ...formInput(createOrUpdatePackageSchema, formData), version: versionOf(v) },
    });
  });
}

export async function addPackageFileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const [file] = await uploadsOf(formData, "file");
    if (!file) throw new AppError("INVALID_INPUT", "no file", { file: ["console.errors.fileMissing"] });
    await addPackageFile({ actor, input: { requestId: v.requestId ?? "", version: versionOf(v), file } });
  });
}

export async function removePackageFileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await removePackageFile({
      actor,
      input: { ...formInput(removePackageFileSchema, formData), version: versionOf(v) },
    });
  });
}

export async function attachProvisionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const r = await attachProvisionRecords({
      actor,
      input: { ...formInput(attachProvisionRecordsSchema, formData), version: versionOf(v) },
    });
    return { data: { records: String(r.records) } };
  });
}

/** intent=preview shows the notice publishing would send; intent=publish publishes. */
export async function publishAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    if (v.intent === "preview") {
      const n = await previewNotice({ actor, input: { requestId: v.requestId ?? "", kind: "PACKAGE_PUBLISHED" } });
      return { message: "preview", data: { subject: n.subject, body: n.bodyText } };
    }
    const r = await publishPackage({
      actor,
      input: { ...formInput(publishPackageSchema, formData), version: versionOf(v) },
    });
    return { message: r.closed ? "closed" : "published" };
  });
}

export async function recordPostingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await recordPosting({
      actor,
      input: { ...formInput(recordPostingSchema, formData), version: versionOf(v) },
    });
  });
}
