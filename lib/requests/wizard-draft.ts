import { z } from "zod";
import { prisma, type Db } from "@/lib/server/db";
import { hmacHex, randomToken } from "@/lib/server/crypto";
import { destroyFileContent, readStoredFile, storeFile } from "@/lib/files/file-store";
import { DRAFT_TTL_MS, draftKeyHash } from "@/lib/uploads/draft-uploads";
import { DOCUMENT_HOLDERS, DOCUMENT_KINDS } from "./document-rules";
import { emptyDraft, type WizardDraft } from "./wizard-values";

// The wizard's answers between steps, kept on the server (never in a URL or a readable
// cookie): a sealed JSON blob in the encrypted file store, found by an HMAC of the same
// httpOnly draft cookie that owns the wizard's uploads (a different HMAC purpose, so the
// blob is never listed or counted as an upload). It expires with the draft (24 hours,
// renewed on each save) and purgeExpiredDrafts removes it like an unsubmitted upload.
// The row's role is SCAN: the blob is the request form itself, as a mailed form's scan is.

const ANSWERS_MIME = "application/vnd.madoguchi.wizard+json";
const ANSWERS_NAME = "wizard-answers.json";

const answersHash = (draftKey: string): string => {
  draftKeyHash(draftKey); // refuses a key we could not have issued
  return hmacHex(draftKey, "wizard-answers");
};

const values = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const draftSchema = z.object({
  idempotencyKey: z.string(),
  answers: z.object({
    type: values.optional(),
    requester: values.optional(),
    subject: values.optional(),
    details: z.record(z.string(), values).optional(),
    documents: values.optional(),
  }),
  files: z.array(
    z.object({
      fileId: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      holder: z.enum(DOCUMENT_HOLDERS),
      issuedOn: z.string().optional(),
    }),
  ),
  declarationAccepted: z.boolean(),
  codeSentTo: z.string().nullable(),
});

const where = (hash: string, now: Date) => ({
  draftKeyHash: hash,
  requestId: null,
  deletedAt: null,
  expiresAt: { gt: now },
});

async function readDraft(db: Db, hash: string, now: Date): Promise<WizardDraft | null> {
  const row = await db.storedFile.findFirst({ where: where(hash, now), orderBy: { createdAt: "desc" } });
  if (!row) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse((await readStoredFile(row)).toString("utf8")));
    return parsed.success ? (parsed.data as WizardDraft) : null;
  } catch {
    return null; // content gone or unreadable: start afresh rather than fail the page
  }
}

/** The saved answers of this draft, or null when there are none (or they expired). */
export async function loadWizardDraft(
  draftKey: string | null | undefined,
  now: Date = new Date(),
): Promise<WizardDraft | null> {
  if (!draftKey) return null;
  try {
    return await readDraft(prisma, answersHash(draftKey), now);
  } catch {
    return null;
  }
}

/**
 * Changes the draft under a lock (two tabs or parallel uploads cannot lose each other's
 * answers) and stores the result, replacing the previous blob. Starts a draft if none.
 */
export async function updateWizardDraft(
  draftKey: string,
  change: (draft: WizardDraft) => WizardDraft,
  now: Date = new Date(),
): Promise<WizardDraft> {
  const hash = answersHash(draftKey);
  const { draft, stale } = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;
    const current = (await readDraft(tx, hash, now)) ?? emptyDraft(randomToken(24));
    const next = change(current);
    const old = await tx.storedFile.findMany({
      where: { draftKeyHash: hash, requestId: null },
      select: { id: true, storageKey: true },
    });
    await storeFile(tx, {
      role: "SCAN",
      content: Buffer.from(JSON.stringify(next), "utf8"),
      mimeType: ANSWERS_MIME,
      originalName: ANSWERS_NAME,
      draftKeyHash: hash,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
    });
    if (old.length) await tx.storedFile.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
    return { draft: next, stale: old };
  });
  for (const f of stale) await destroyFileContent(f.storageKey);
  return draft;
}

/** Forgets the answers (after submission, or when the person starts again). */
export async function discardWizardDraft(draftKey: string | null | undefined): Promise<void> {
  if (!draftKey) return;
  let hash: string;
  try {
    hash = answersHash(draftKey);
  } catch {
    return;
  }
  const rows = await prisma.storedFile.findMany({
    where: { draftKeyHash: hash, requestId: null },
    select: { id: true, storageKey: true },
  });
  if (!rows.length) return;
  await prisma.storedFile.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  for (const r of rows) await destroyFileContent(r.storageKey);
}
