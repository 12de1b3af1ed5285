import { DAY_MS } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { prisma, type Db } from "@/lib/server/db";
import { hmacHex, randomToken } from "@/lib/server/crypto";
import { destroyFileContent, storeFile } from "@/lib/files/file-store";
import { assertRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { assertUploadCount, inspectUpload, type UploadCandidate } from "./inspect-upload";

// Wizard uploads before the request exists. They belong to a draft key: a random token
// kept in an httpOnly cookie; only its HMAC is stored (StoredFile.draftKeyHash), so a
// database reader cannot claim someone's draft. Unsubmitted drafts expire after 24 hours.

/** Suggested name for the httpOnly, SameSite=Lax cookie holding the draft key. */
export const DRAFT_COOKIE = "madoguchi_draft";
export const DRAFT_TTL_MS = DAY_MS;
/** Uploads per client (e.g. IP address) per hour, across drafts. */
const UPLOADS_PER_HOUR = 60;

export type DraftUpload = {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
  expiresAt: Date | null;
};

const select = {
  id: true,
  originalName: true,
  mimeType: true,
  sizeBytes: true,
  createdAt: true,
  expiresAt: true,
} as const;

/** A fresh draft key for the cookie. */
export function newDraftKey(): string {
  return randomToken(32);
}

/** The stored form of a draft key; throws when the key is not one we could have issued. */
export function draftKeyHash(draftKey: string): string {
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(draftKey))
    throw new AppError("INVALID_INPUT", "malformed draft key", { _form: ["errors.fileMissing"] });
  return hmacHex(draftKey, "draft-upload");
}

/** Files of this draft that can still be attached to a request. */
export function draftFilesWhere(hash: string, now: Date) {
  return { draftKeyHash: hash, requestId: null, deletedAt: null, expiresAt: { gt: now } };
}

export async function listDraftUploads(opts: { draftKey: string; now?: Date; db?: Db }): Promise<DraftUpload[]> {
  const db = opts.db ?? prisma;
  return db.storedFile.findMany({
    where: draftFilesWhere(draftKeyHash(opts.draftKey), opts.now ?? new Date()),
    select,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Checks the file (type by content, size, pixels), removes image metadata, encrypts and
 * stores it under the draft. At most 6 files per draft; a per-client hourly limit stops
 * one visitor from filling the disk with many drafts.
 */
export async function addDraftUpload(opts: {
  draftKey: string;
  file: UploadCandidate;
  clientKey?: string;
  now?: Date;
}): Promise<DraftUpload> {
  const now = opts.now ?? new Date();
  const hash = draftKeyHash(opts.draftKey);
  if (opts.clientKey) {
    await assertRateLimit(rateLimitKey("draft-upload", opts.clientKey), UPLOADS_PER_HOUR, 3600, { now });
  }
  const inspected = await inspectUpload(opts.file);
  return prisma.$transaction(async (tx) => {
    // Serialise uploads to one draft so two parallel requests cannot pass the count together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;
    assertUploadCount(await tx.storedFile.count({ where: draftFilesWhere(hash, now) }), 1);
    const stored = await storeFile(tx, {
      role: "IDENTITY_DOCUMENT",
      content: inspected.content,
      mimeType: inspected.mimeType,
      originalName: inspected.originalName,
      draftKeyHash: hash,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
    });
    return tx.storedFile.findUniqueOrThrow({ where: { id: stored.id }, select });
  });
}

/** Removes a file from the draft; another draft's file (or a submitted one) is NOT_FOUND. */
export async function removeDraftUpload(opts: { draftKey: string; fileId: string }): Promise<void> {
  const hash = draftKeyHash(opts.draftKey);
  const file = await prisma.storedFile.findFirst({
    where: { id: opts.fileId, draftKeyHash: hash, requestId: null },
    select: { id: true, storageKey: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "draft file");
  const { count } = await prisma.storedFile.deleteMany({ where: { id: file.id, draftKeyHash: hash, requestId: null } });
  if (count === 0) throw new AppError("NOT_FOUND", "draft file");
  await destroyFileContent(file.storageKey);
}

/** Deletes drafts never submitted, content first, then rows. Returns how many went. */
export async function purgeExpiredDrafts(opts: { now?: Date; db?: Db } = {}): Promise<number> {
  const db = opts.db ?? prisma;
  const expired = await db.storedFile.findMany({
    where: { draftKeyHash: { not: null }, requestId: null, expiresAt: { lte: opts.now ?? new Date() } },
    select: { id: true, storageKey: true },
    take: 500,
  });
  for (const f of expired) await destroyFileContent(f.storageKey);
  if (expired.length)
    await db.storedFile.deleteMany({ where: { id: { in: expired.map((f) => f.id) }, requestId: null } });
  return expired.length;
}
