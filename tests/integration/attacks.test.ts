import { beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { isAppError } from "@/lib/errors";
import { submitRequest } from "@/lib/requests/submit-request";
import { submitInquiry } from "@/lib/requests/submit-inquiry";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { requestStatusCode, sessionFromStatusToken, verifyStatusCode } from "@/lib/requester/status-access";
import { beginSignIn, completeSignIn } from "@/lib/staff/sign-in";
import { acceptInvite } from "@/lib/staff/manage-staff";
import { listQueue } from "@/lib/console/queue";
import { searchProvisions } from "@/lib/provisions/search-provisions";
import { lookupPostalCode } from "@/lib/postal/lookup-postal-code";
import type { StaffActor } from "@/lib/audit/actor";
import { createRequest } from "@/tests/helpers/request-fixtures";

// Property-based attacks on everything a stranger can reach without signing in, and the
// search boxes staff type into: any input gives a result or a user error (AppError) —
// never a crash (a 500) — and a refused input leaves no row behind.

const injections = [
  `'; DROP TABLE "Request"; --`,
  `" OR 1=1 --`,
  `\u0000`,
  `%' OR '%'='`,
  `\\`,
  `a@example.com\r\nBcc: victim@example.com`,
  `<script>alert(1)</script>`,
  `{{7*7}}`,
  `../../../../etc/passwd`,
  `𠮷野家`.repeat(500),
  `DSR-2026-000001' UNION SELECT * FROM "StaffUser" --`,
];

const hostile = fc.oneof(
  fc.constantFrom(...injections),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 5 }),
);

/** A submission shaped like the real one, with any field replaced by something hostile. */
const submissionLike = fc.record({
  type: fc.oneof(fc.constantFrom("DISCLOSURE", "CORRECTION", "SUSPENSION"), hostile),
  requesterKind: fc.oneof(fc.constant("SELF"), hostile),
  subject: fc.oneof(
    fc.record({
      name: hostile,
      nameKana: hostile,
      birthDate: hostile,
      postalCode: hostile,
      prefecture: hostile,
      city: hostile,
      addressLine: hostile,
      email: hostile,
      phone: hostile,
      relationship: hostile,
    }),
    hostile,
  ),
  details: fc.oneof(
    fc.record({ categories: fc.oneof(fc.array(fc.integer(), { maxLength: 4 }), hostile), deliveryMethod: hostile }),
    hostile,
  ),
  documents: fc.oneof(
    fc.record({
      sendByPost: hostile,
      files: fc.oneof(
        fc.array(fc.record({ fileId: hostile, kind: hostile, holder: hostile }), { maxLength: 2 }),
        hostile,
      ),
    }),
    hostile,
  ),
  declarationAccepted: hostile,
});

async function counts() {
  const [request, document, storedFile, outbox, session, audit] = await Promise.all([
    prisma.request.count(),
    prisma.document.count(),
    prisma.storedFile.count(),
    prisma.outboxMessage.count(),
    prisma.requesterSession.count(),
    prisma.auditEvent.count(),
  ]);
  return { request, document, storedFile, outbox, session, audit };
}

/** What a URL segment or form field would carry: always a string. */
const asText = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** Runs `f`; the only acceptable failure is a user error. */
async function userErrorOrResult(f: () => Promise<unknown>): Promise<"ok" | "refused"> {
  try {
    await f();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return "refused";
    throw e;
  }
}

const staff: StaffActor = { type: "STAFF", id: "s", role: "STAFF" };
const runs = { numRuns: 60 };

describe("attacks on public entry points", () => {
  beforeEach(resetDatabase);

  it("request submission: hostile input is refused with a user error and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(submissionLike, hostile, hostile, async (input, code, key) => {
        const before = await counts();
        const outcome = await userErrorOrResult(() =>
          submitRequest({ input, emailCode: code, idempotencyKey: key, locale: "ja" }),
        );
        expect(outcome).toBe("refused");
        expect(await counts()).toEqual(before);
      }),
      runs,
    );
  });

  it("inquiries, code requests and status access never crash and never leak whether a request exists", async () => {
    const real = await createRequest({ email: "real@example.com" });
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (a, b, c) => {
        const before = await counts();
        await userErrorOrResult(() =>
          submitInquiry({
            input: { topic: a, message: b, name: c, email: a },
            emailCode: b,
            idempotencyKey: c,
            locale: "en",
          }),
        );
        await userErrorOrResult(() => sendEmailConfirmationCode({ email: a, locale: "ja" }));
        await userErrorOrResult(() => verifyStatusCode({ input: { reference: a, email: b, code: c } }));
        await userErrorOrResult(() => sessionFromStatusToken({ token: asText(a) }));
        expect((await counts()).request).toBe(before.request);
        expect((await counts()).session).toBe(before.session);
      }),
      { numRuns: 40 },
    );
    // Same answer for the right and a wrong reference.
    const right = await requestStatusCode({
      input: { reference: real.reference, email: "real@example.com" },
      locale: "ja",
    });
    const wrong = await requestStatusCode({
      input: { reference: "DSR-2026-999999", email: "real@example.com" },
      locale: "ja",
    });
    expect(right).toEqual(wrong);
  });

  it("sign-in, invitations and postal-code lookup never crash on hostile input", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        expect(await userErrorOrResult(() => beginSignIn({ email: a, password: b }))).toBe("refused");
        expect(await userErrorOrResult(() => completeSignIn({ challenge: a, code: b }))).toBe("refused");
        expect(await userErrorOrResult(() => acceptInvite({ token: a, password: b, confirm: b }))).toBe("refused");
        expect(() => lookupPostalCode(asText(a))).not.toThrow();
      }),
      { numRuns: 40 },
    );
    expect(await prisma.staffUser.count()).toBe(0);
  });

  it("SQL meta-characters in staff search boxes are data, not SQL", async () => {
    await createRequest({ subjectName: "山田 花子", subjectNameKana: "ヤマダ ハナコ" });
    for (const s of injections) {
      const page = await listQueue({ actor: staff, input: { search: s.slice(0, 200) } }).catch((e: unknown) => {
        if (isAppError(e) && e.code === "INVALID_INPUT") return { rows: [] };
        throw e;
      });
      expect(page.rows).toEqual([]);
      const found = await searchProvisions({ actor: staff, input: { name: s.slice(0, 100) } }).catch((e: unknown) => {
        if (isAppError(e)) return [];
        throw e;
      });
      expect(found).toEqual([]);
    }
    expect(await prisma.request.count()).toBe(1);
    expect((await listQueue({ actor: staff, input: { search: "ヤマダ" } })).rows).toHaveLength(1);
  });

  it("a line break in a name cannot add mail headers", async () => {
    const before = await counts();
    const outcome = await userErrorOrResult(() =>
      submitInquiry({
        input: {
          topic: "OTHER",
          message: "hello",
          name: "x\r\nBcc: victim@example.com",
          email: "a@example.com\r\nBcc: victim@example.com",
        },
        emailCode: "000000",
        idempotencyKey: "header-injection-test-key-1234",
        locale: "ja",
      }),
    );
    expect(outcome).toBe("refused");
    expect(await counts()).toEqual(before);
    const mails = await prisma.outboxMessage.findMany();
    for (const m of mails) {
      expect(m.toAddress).not.toMatch(/[\r\n]/);
      expect(m.subject).not.toMatch(/[\r\n]/);
    }
  });
});
