import { z } from "zod";
import type { Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { checkOneTimeCode } from "@/lib/codes/one-time-code";
import { assertRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { hmacHex } from "@/lib/server/crypto";
import { draftFilesWhere, draftKeyHash } from "@/lib/uploads/draft-uploads";
import { requestSubmissionSchema, type RequestSubmission } from "./request-schemas";
import { contactEmailOf } from "./email-confirmation";
import { fileRequest, findIdempotentOrHit, withIdempotency, type FiledRequest } from "./file-request";

// The end of the wizard: the shared schema, the emailed code, then everything in one
// transaction (file-request.ts). A double submit with the same idempotency key returns
// the request the first one created.

export const idempotencyKeySchema = z
  .string({ error: "errors.idempotencyKey" })
  .regex(/^[A-Za-z0-9_-]{16,100}$/, { error: "errors.idempotencyKey" });

/** The key as a field, so its error is keyed "idempotencyKey"; built once, not per filing (ADR 0022). */
export const idempotencyKeyInputSchema = z.object({ idempotencyKey: idempotencyKeySchema });

export type SubmitRequestOptions = {
  input: unknown;
  /** The wizard's draft key (cookie); needed when documents were uploaded. */
  draftKey?: string | null;
  /** The 6-digit EMAIL_CONFIRMATION code sent to contactEmailOf(input). */
  emailCode: unknown;
  /** Random per wizard run, e.g. a UUID put in the form when it was opened. */
  idempotencyKey: unknown;
  locale: Locale;
  /** e.g. the client IP, for a per-client limit on submissions. */
  clientKey?: string;
  now?: Date;
};

/** Draft files named in the documents step must still be in this draft. */
async function assertDraftFiles(
  s: RequestSubmission,
  draftKey: string | null | undefined,
  now: Date,
): Promise<string | null> {
  const ids = s.documents.files.map((f) => f.fileId);
  if (ids.length === 0) return draftKey ? draftKeyHash(draftKey) : null;
  const hash = draftKey ? draftKeyHash(draftKey) : null;
  const found = hash
    ? await prisma.storedFile.findMany({
        where: { ...draftFilesWhere(hash, now), id: { in: ids } },
        select: { id: true },
      })
    : [];
  const have = new Set(found.map((f) => f.id));
  const missing = Object.fromEntries(
    ids.flatMap((id, i) => (have.has(id) ? [] : [[`documents.files.${i}.fileId`, ["errors.fileMissing"]]])),
  );
  if (Object.keys(missing).length) throw new AppError("INVALID_INPUT", "draft files missing", missing);
  return hash;
}

export async function submitRequest(opts: SubmitRequestOptions): Promise<FiledRequest> {
  const now = opts.now ?? new Date();
  const submission = parseInput(requestSubmissionSchema, opts.input, "request submission");
  const idempotencyKey = parseInput(
    idempotencyKeyInputSchema,
    { idempotencyKey: opts.idempotencyKey },
    "idempotency key",
  ).idempotencyKey;
  const contactEmail = contactEmailOf(submission);
  // Art 37 APPI: no burden on genuine requesters, but no flood either — 10 a day per address,
  // counted in the same statement as the idempotency lookup (a repeat is not counted).
  const again = await findIdempotentOrHit(idempotencyKey, contactEmail, {
    key: rateLimitKey("submit", hmacHex(contactEmail, "code-email")),
    max: 10,
    windowSeconds: 86_400,
    now,
  });
  if (again) return again;
  if (opts.clientKey) await assertRateLimit(rateLimitKey("submit-client", opts.clientKey), 30, 3600, { now });
  return withIdempotency(idempotencyKey, contactEmail, async () => {
    const hash = await assertDraftFiles(submission, opts.draftKey, now);
    const { codeId } = await checkOneTimeCode({
      purpose: "EMAIL_CONFIRMATION",
      email: contactEmail,
      code: opts.emailCode,
      now,
    });
    return fileRequest({
      kind: "request",
      submission,
      contactEmail,
      draftKeyHash: hash,
      codeId,
      idempotencyKey,
      locale: opts.locale,
      now,
    });
  });
}
