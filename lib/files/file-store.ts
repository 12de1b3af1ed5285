import crypto from "node:crypto";
import { Readable, Transform, pipeline } from "node:stream";
import type { Tx } from "@/lib/server/db";
import { decrypt, randomToken } from "@/lib/server/crypto";
import type { FileRole } from "@/lib/generated/prisma/enums";
import { CHUNKED_PREFIX, newChunkedSalt, openingStream, sealingStream } from "./sealed-stream";
import { fileKey, storage } from "./storage";

// Every file Madoguchi keeps (identity documents, attachments, disclosure files, notices,
// receipts) is sealed before it leaves the process: the storage backend (a folder or an S3
// bucket) holds only ciphertext under a random key; the StoredFile row says how to open it.
// New files use the chunked format (sealed-stream.ts) so they can be streamed both ways;
// rows written before it (whole-file AES-256-GCM, IV and tag in the row) still open.

export type FileMeta = {
  role: FileRole;
  mimeType: string;
  originalName: string;
  requestId?: string | null;
  draftKeyHash?: string | null;
  messageId?: string | null;
  uploadedById?: string | null;
  expiresAt?: Date | null;
};

export type NewFile = FileMeta & { content: Buffer };

/** Content already sealed and stored, waiting for its row. */
export type SealedContent = { storageKey: string; iv: string; authTag: string; sizeBytes: number; sha256: string };

export type StoredFileRef = { storageKey: string; iv: string; authTag: string; deletedAt: Date | null };

/**
 * Seals and stores content (a Buffer or a stream, never held whole in memory), returning
 * what its row needs. Call it before the transaction: a large upload should not hold one
 * open. If the row is never written, `sweepOrphanFiles` removes the object later.
 */
export async function putFileContent(content: Buffer | Readable, key: Buffer = fileKey()): Promise<SealedContent> {
  const storageKey = randomToken(24);
  const salt = newChunkedSalt();
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
  const sealed = pipeline(source, measure, sealingStream(key, salt), () => undefined);
  await storage().put(storageKey, sealed);
  return {
    storageKey,
    iv: `${CHUNKED_PREFIX}${salt.toString("base64")}`,
    authTag: "",
    sizeBytes,
    sha256: hash.digest("hex"),
  };
}

/** Writes the row for stored content in the caller's transaction. */
export async function recordStoredFile(
  tx: Tx,
  sealed: SealedContent,
  meta: FileMeta,
): Promise<{ id: string; sizeBytes: number; sha256: string }> {
  const row = await tx.storedFile.create({
    data: {
      role: meta.role,
      storageKey: sealed.storageKey,
      mimeType: meta.mimeType,
      sizeBytes: sealed.sizeBytes,
      sha256: sealed.sha256,
      iv: sealed.iv,
      authTag: sealed.authTag,
      originalName: meta.originalName,
      requestId: meta.requestId ?? null,
      draftKeyHash: meta.draftKeyHash ?? null,
      messageId: meta.messageId ?? null,
      uploadedById: meta.uploadedById ?? null,
      expiresAt: meta.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, sizeBytes: sealed.sizeBytes, sha256: sealed.sha256 };
}

/**
 * Stores the content first, then the row in the caller's transaction. If the transaction
 * rolls back, an orphan object remains that nothing can read without its row;
 * `sweepOrphanFiles` removes those.
 */
export async function storeFile(tx: Tx, file: NewFile): Promise<{ id: string; sizeBytes: number; sha256: string }> {
  const { content, ...meta } = file;
  return recordStoredFile(tx, await putFileContent(content), meta);
}

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * The plaintext as a stream. Chunked files are authenticated chunk by chunk as they pass;
 * a file in the older whole-file format (at most the old upload limit) is opened in memory
 * so nothing unauthenticated is passed on. Callers check permissions before calling this.
 */
export async function openStoredFile(file: StoredFileRef, key: Buffer = fileKey()): Promise<Readable> {
  if (file.deletedAt) throw new Error("file was deleted");
  const source = await storage().get(file.storageKey);
  if (!file.iv.startsWith(CHUNKED_PREFIX)) {
    return Readable.from([decrypt({ iv: file.iv, authTag: file.authTag, ciphertext: await collect(source) }, key)]);
  }
  const salt = Buffer.from(file.iv.slice(CHUNKED_PREFIX.length), "base64");
  return pipeline(source, openingStream(key, salt), () => undefined);
}

/** Decrypts a whole stored file into memory (small files: documents, notices, receipts). */
export async function readStoredFile(file: StoredFileRef, key: Buffer = fileKey()): Promise<Buffer> {
  return collect(await openStoredFile(file, key));
}

/** Removes the stored object. The row stays (marked deleted) for the record. */
export async function destroyFileContent(storageKey: string): Promise<void> {
  await storage().remove(storageKey);
}

/** Whether the object is still stored (on disk or in the bucket). */
export async function fileContentExists(storageKey: string): Promise<boolean> {
  return storage().exists(storageKey);
}

/** Kept under its old name for callers written when files lived only on disk. */
export const fileExistsOnDisk = fileContentExists;
