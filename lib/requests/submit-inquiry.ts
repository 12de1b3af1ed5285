import type { Locale } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";
import { checkOneTimeCode } from "@/lib/codes/one-time-code";
import { assertRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { hmacHex } from "@/lib/server/crypto";
import { inquirySchema } from "./inquiry-schema";
import { idempotencyKeyInputSchema } from "./submit-request";
import { fileRequest, findIdempotentOrHit, withIdempotency, type FiledRequest } from "./file-request";

// Art 11, 12: inquiries and complaints. No identity documents, but the address is still
// confirmed with a code: the form sends an acknowledgement there, and without the code
// anyone could make us mail a stranger (and staff would answer into the void).

export async function submitInquiry(opts: {
  input: unknown;
  emailCode: unknown;
  idempotencyKey: unknown;
  locale: Locale;
  clientKey?: string;
  now?: Date;
}): Promise<FiledRequest> {
  const now = opts.now ?? new Date();
  const inquiry = parseInput(inquirySchema, opts.input, "inquiry");
  const { idempotencyKey } = parseInput(
    idempotencyKeyInputSchema,
    { idempotencyKey: opts.idempotencyKey },
    "idempotency key",
  );
  // 10 a day per address, counted in the same statement as the idempotency lookup (a repeat is not counted).
  const again = await findIdempotentOrHit(idempotencyKey, inquiry.email, {
    key: rateLimitKey("submit", hmacHex(inquiry.email, "code-email")),
    max: 10,
    windowSeconds: 86_400,
    now,
  });
  if (again) return again;
  if (opts.clientKey) await assertRateLimit(rateLimitKey("submit-client", opts.clientKey), 30, 3600, { now });
  return withIdempotency(idempotencyKey, inquiry.email, async () => {
    const { codeId } = await checkOneTimeCode({
      purpose: "EMAIL_CONFIRMATION",
      email: inquiry.email,
      code: opts.emailCode,
      now,
    });
    return fileRequest({
      kind: "inquiry",
      inquiry,
      contactEmail: inquiry.email,
      codeId,
      idempotencyKey,
      locale: opts.locale,
      now,
    });
  });
}
