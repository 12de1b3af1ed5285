import fs from "node:fs/promises";
import path from "node:path";
import type { Tx } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { decrypt, encrypt, randomToken, sha256Hex } from "@/lib/server/crypto";
import type { FileRole } from "@/lib/generated/prisma/enums";

// Every file Madoguchi keeps (identity documents, attachments, disclosure files,
// notices, receipts) is sealed with AES-256-GCM before it touches the disk; the
// StoredFile row holds the IV and tag, the disk holds only ciphertext under a random key.

export type NewFile = {
  role: FileRole;
  content: Buffer;
  mimeType: string;
  originalName: string;
  requestId?: string | null;
  draftKeyHash?: string | null;
  messageId?: string | null;
  uploadedById?: string | null;
  expiresAt?: Date | null;
};

function storageRoot(): string {
  return path.resolve(env().STORAGE_DIR);
}

function pathFor(storageKey: string): string {
  // Two-level fan-out keeps directories small; keys are base64url so they are path-safe.
  return path.join(storageRoot(), storageKey.slice(0, 2), storageKey);
}

/**
 * Writes the ciphertext first, then the row in the caller's transaction. If the
 * transaction rolls back, an orphan ciphertext remains that nothing can read without
 * its row; `sweepOrphanFiles` removes those.
 */
export async function storeFile(tx: Tx, file: NewFile): Promise<{ id: string; sizeBytes: number; sha256: string }> {
  const storageKey = randomToken(24);
  const sealed = encrypt(file.content);
  const target = pathFor(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, sealed.ciphertext, { mode: 0o600 });
  const sha256 = sha256Hex(file.content);
  const row = await tx.storedFile.create({
    data: {
      role: file.role,
      storageKey,
      mimeType: file.mimeType,
      sizeBytes: file.content.length,
      sha256,
      iv: sealed.iv,
      authTag: sealed.authTag,
      originalName: file.originalName,
      requestId: file.requestId ?? null,
      draftKeyHash: file.draftKeyHash ?? null,
      messageId: file.messageId ?? null,
      uploadedById: file.uploadedById ?? null,
      expiresAt: file.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, sizeBytes: file.content.length, sha256 };
}

export type StoredFileRef = { storageKey: string; iv: string; authTag: string; deletedAt: Date | null };

/** Decrypts a stored file. Callers check permissions before calling this. */
export async function readStoredFile(file: StoredFileRef): Promise<Buffer> {
  if (file.deletedAt) throw new Error("file was deleted");
  const ciphertext = await fs.readFile(pathFor(file.storageKey));
  return decrypt({ iv: file.iv, authTag: file.authTag, ciphertext });
}

/** Removes the ciphertext from disk. The row stays (marked deleted) for the record. */
export async function destroyFileContent(storageKey: string): Promise<void> {
  await fs.rm(pathFor(storageKey), { force: true });
}

export async function fileExistsOnDisk(storageKey: string): Promise<boolean> {
  return fs
    .stat(pathFor(storageKey))
    .then(() => true)
    .catch(() => false);
}
