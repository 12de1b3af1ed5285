import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { readStoredFile } from "@/lib/files/file-store";
import { idSchema } from "@/lib/requests/shared-schemas";

export type ViewedFile = { content: Buffer; mimeType: string; originalName: string; sizeBytes: number };

export const viewDocumentSchema = z.object({ requestId: idSchema, documentId: idSchema });
export type ViewDocumentInput = z.input<typeof viewDocumentSchema>;

/**
 * Decrypted content of an identity/agent document or scan for the console viewer
 * (never a public URL). Every view is written to the audit log (docs/design.md §6): the file
 * is read inside the transaction, so a view that fails to read leaves no entry.
 */
export async function viewDocument(opts: { actor: Actor | null; input: ViewDocumentInput }): Promise<ViewedFile> {
  const { actor } = opts;
  assertPermission(actor, "read:document");
  const q = parseInput(viewDocumentSchema, opts.input, "view document");
  return prisma.$transaction(async (tx) => {
    // Scoped by request in the where: another request's document is simply not found.
    const doc = await tx.document.findFirst({
      where: { id: q.documentId, requestId: q.requestId },
      include: { file: true },
    });
    if (!doc) throw new AppError("NOT_FOUND", "document");
    if (doc.file.deletedAt)
      throw new AppError("INVALID_STATE", "console.state.documentPurged", { _form: ["console.state.documentPurged"] });
    const content = await readStoredFile(doc.file);
    await writeAuditEvent(tx, {
      actor,
      action: "document.viewed",
      entity: "Document",
      entityId: doc.id,
      requestId: doc.requestId,
      data: { kind: doc.kind, holder: doc.holder, fileId: doc.fileId },
    });
    return { content, mimeType: doc.file.mimeType, originalName: doc.file.originalName, sizeBytes: doc.file.sizeBytes };
  });
}

export const viewRequestFileSchema = z.object({ requestId: idSchema, fileId: idSchema });
export type ViewRequestFileInput = z.input<typeof viewRequestFileSchema>;

/** Any other file kept with the request (attachments, package files, notice PDFs), audited the same way. */
export async function viewRequestFile(opts: { actor: Actor | null; input: ViewRequestFileInput }): Promise<ViewedFile> {
  const { actor } = opts;
  assertPermission(actor, "read:document");
  const q = parseInput(viewRequestFileSchema, opts.input, "view file");
  return prisma.$transaction(async (tx) => {
    const file = await tx.storedFile.findFirst({ where: { id: q.fileId, requestId: q.requestId } });
    if (!file) throw new AppError("NOT_FOUND", "file");
    if (file.deletedAt)
      throw new AppError("INVALID_STATE", "console.state.documentPurged", { _form: ["console.state.documentPurged"] });
    const content = await readStoredFile(file);
    await writeAuditEvent(tx, {
      actor,
      action: "file.viewed",
      entity: "StoredFile",
      entityId: file.id,
      requestId: q.requestId,
      data: { role: file.role },
    });
    return { content, mimeType: file.mimeType, originalName: file.originalName, sizeBytes: file.sizeBytes };
  });
}
