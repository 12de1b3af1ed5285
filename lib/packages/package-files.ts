import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { destroyFileContent, storeFile } from "@/lib/files/file-store";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { disclosureTypes, sniffFileType } from "@/lib/console/sniff-file-type";
import {
  addPackageFileSchema,
  removePackageFileSchema,
  type AddPackageFileInput,
  type RemovePackageFileInput,
} from "./package-schemas";
import { editablePackage } from "./package-guards";

/** Attaches a file to disclose: PDF, CSV, ZIP, images or text, checked by content; stored encrypted. */
export async function addPackageFile(opts: {
  actor: Actor | null;
  input: AddPackageFileInput;
}): Promise<{ fileId: string; version: number }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(addPackageFileSchema, opts.input, "package file");
  const mimeType = await sniffFileType(q.file.content, q.file.fileName, disclosureTypes, "file");
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    const pkg = await editablePackage(tx, r);
    const file = await storeFile(tx, {
      role: "DISCLOSURE_FILE",
      content: q.file.content,
      mimeType,
      originalName: q.file.fileName,
      requestId: r.id,
      uploadedById: actor.id,
    });
    await tx.packageFile.create({ data: { packageId: pkg.id, fileId: file.id } });
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "package.file_added",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: { fileId: file.id, mimeType, sizeBytes: file.sizeBytes },
    });
    return { fileId: file.id, version };
  });
}

/** Takes a file out of an unpublished package; its content is destroyed once the change commits. */
export async function removePackageFile(opts: {
  actor: Actor | null;
  input: RemovePackageFileInput;
}): Promise<{ version: number }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(removePackageFileSchema, opts.input, "remove package file");
  const { version, storageKey } = await prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    const pkg = await editablePackage(tx, r);
    const pf = await tx.packageFile.findFirst({
      where: { packageId: pkg.id, fileId: q.fileId },
      include: { file: true },
    });
    if (!pf) throw new AppError("NOT_FOUND", "package file");
    await tx.packageFile.delete({ where: { id: pf.id } });
    await tx.storedFile.update({ where: { id: pf.fileId }, data: { deletedAt: new Date() } });
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "package.file_removed",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: { fileId: pf.fileId },
    });
    return { version, storageKey: pf.file.storageKey };
  });
  await destroyFileContent(storageKey);
  return { version };
}
