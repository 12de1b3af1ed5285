import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { submitRequest } from "@/lib/requests/submit-request";
import { fileRequest } from "@/lib/requests/file-request";
import { parseInput } from "@/lib/validation";
import { requestSubmissionSchema } from "@/lib/requests/request-schemas";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { addDraftUpload, newDraftKey } from "@/lib/uploads/draft-uploads";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditHash } from "@/lib/audit/audit-hash";
import { auditRowTemplate } from "@/lib/audit/write-audit-event";
import { hmacHex, sha256Hex } from "@/lib/server/crypto";
import { hitRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { minimalPdf } from "@/tests/fixtures/files/build-fixtures";
import { disclosureInput, idempotencyKey, latestCodeSentTo, person, rowCounts, seedPolicy } from "./portal-helpers";

// The online filing's SQL path (ADR 0017): two statements in one transaction, the second a
// PL/pgSQL function. These check what the function must keep from the Prisma calls it
// replaced: all or nothing, gapless references, and audit entries that verify.

const t0 = new Date("2026-11-30T03:00:00Z");

async function codeFor(email: string) {
  await sendEmailConfirmationCode({ email, locale: "ja", now: t0 });
  return latestCodeSentTo(email);
}

const asPerson = (email: string) => disclosureInput([], { subject: { ...person, email } });

async function counter(): Promise<number | null> {
  const row = await prisma.referenceCounter.findUnique({ where: { year: 2026 } });
  return row?.last ?? null;
}

describe("the filing's SQL", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("leaves nothing behind when its last write fails: no request, mail, notice, audit, reference or spent code", async () => {
    const emailCode = await codeFor(person.email);
    const before = await rowCounts();
    // A real fault in the database, after the request, mail and notice rows were written.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION filing_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'job table unavailable'; END $$`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER filing_test_fault BEFORE INSERT ON "Job" FOR EACH ROW EXECUTE FUNCTION filing_test_fault()`,
    );
    const key = idempotencyKey();
    const submit = () =>
      submitRequest({ input: asPerson(person.email), emailCode, idempotencyKey: key, locale: "ja", now: t0 });
    try {
      await expect(submit()).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER filing_test_fault ON "Job"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION filing_test_fault()`);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await prisma.job.count({ where: { kind: "portal.notice-pdf" } })).toBe(0);
    expect(await counter()).toBeNull();
    const code = await prisma.oneTimeCode.findFirstOrThrow({ where: { purpose: "EMAIL_CONFIRMATION" } });
    expect(code.consumedAt).toBeNull();

    // The same code and key file it once the fault is gone, with the first number of the year.
    const filed = await submit();
    expect(filed).toMatchObject({ reference: "DSR-2026-000001", created: true });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it("refuses draft files that went away after the check, writing nothing", async () => {
    const draftKey = newDraftKey();
    const file = await addDraftUpload({ draftKey, file: { bytes: minimalPdf(), name: "passport.pdf" }, now: t0 });
    const emailCode = await codeFor(person.email);
    const { codeId } = await import("@/lib/codes/one-time-code").then((m) =>
      m.checkOneTimeCode({ purpose: "EMAIL_CONFIRMATION", email: person.email, code: emailCode, now: t0 }),
    );
    const submission = parseInput(
      requestSubmissionSchema,
      disclosureInput([{ fileId: file.id, kind: "PASSPORT", holder: "SUBJECT" }]),
      "test",
    );
    // As if the draft expired between submitRequest's check and the transaction.
    await prisma.storedFile.update({ where: { id: file.id }, data: { deletedAt: t0 } });
    const before = await rowCounts();
    await expect(
      fileRequest({
        kind: "request",
        submission,
        contactEmail: person.email,
        draftKeyHash: (await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).draftKeyHash,
        codeId,
        idempotencyKey: idempotencyKey(),
        locale: "ja",
        now: t0,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "documents.files": ["errors.fileMissing"] } });
    expect(await rowCounts()).toEqual(before);
    expect(await counter()).toBeNull();
    expect((await prisma.oneTimeCode.findUniqueOrThrow({ where: { id: codeId } })).consumedAt).toBeNull();
  });

  it("gives concurrent filings distinct references and one unbroken audit chain", async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `concurrent-${i}@example.com`);
    const codes: string[] = [];
    for (const email of emails) codes.push(await codeFor(email));
    const filed = await Promise.all(
      emails.map((email, i) =>
        submitRequest({
          input: asPerson(email),
          emailCode: codes[i],
          idempotencyKey: idempotencyKey(),
          locale: "ja",
          now: t0,
        }),
      ),
    );
    expect(new Set(filed.map((f) => f.reference)).size).toBe(6);
    expect(filed.map((f) => f.reference).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `DSR-2026-00000${i + 1}`));
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 12 });
    // Each filing's two entries are adjacent: the chain lock was held across both.
    const audit = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    for (let i = 0; i < audit.length; i += 2) {
      expect(audit[i]?.action).toBe("request.submitted");
      expect(audit[i + 1]).toMatchObject({ action: "notice.sent", requestId: audit[i]?.requestId });
      expect(audit[i + 1]?.prevHash).toBe(audit[i]?.hash);
    }
    const requests = await prisma.request.findMany({ include: { notices: true } });
    expect(requests).toHaveLength(6);
    for (const r of requests) {
      expect(r.transferReference).toBe(`D2026${r.reference.slice(-6)}`);
      expect(r.notices).toHaveLength(1);
      expect(await prisma.job.count({ where: { uniqueKey: `portal.notice-pdf:${r.notices[0]?.id}` } })).toBe(1);
    }
  });

  it("hashes exactly what lib/audit hashes: the database fills in only the time and the previous hash", async () => {
    const emailCode = await codeFor(person.email);
    await submitRequest({
      input: asPerson(person.email),
      emailCode,
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: t0,
    });
    const [first] = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    if (!first) throw new Error("no audit entry");
    expect(first.hash).toBe(auditHash(first));
    const row = auditRowTemplate({
      actor: { type: "REQUESTER", requestId: "r1" },
      action: "request.submitted",
      entity: "Request",
      entityId: "r1",
      requestId: "r1",
      data: { type: "DISCLOSURE", fee: 5500, documents: [] },
    });
    const at = new Date("2026-11-30T03:00:00.123Z");
    const prevHash = "a".repeat(64);
    expect(sha256Hex(row.canonical.replace("@@at@@", at.toISOString()).replace("@@prevHash@@", prevHash))).toBe(
      auditHash({ ...row, at, prevHash }),
    );
    expect(() =>
      auditRowTemplate({
        actor: { type: "REQUESTER", requestId: "r1" },
        action: "request.submitted",
        entity: "Request",
        data: { note: "@@prevHash@@" },
      }),
    ).toThrow(/slot/);
  });

  it("counts a submit against the address's daily limit in its idempotency lookup, a repeat not at all", async () => {
    const emailCode = await codeFor(person.email);
    const key = idempotencyKey();
    const submit = (k: string) =>
      submitRequest({ input: asPerson(person.email), emailCode, idempotencyKey: k, locale: "ja", now: t0 });
    const filed = await submit(key);
    const limitKey = rateLimitKey("submit", hmacHex(person.email, "code-email"));
    const counter = () => prisma.rateLimit.findUnique({ where: { key: `${limitKey}:86400` } });
    expect((await counter())?.count).toBe(1);
    // Repeats return the request and are not counted, even once the address is over its limit.
    expect((await submit(key)).reference).toBe(filed.reference);
    expect((await counter())?.count).toBe(1);
    for (let i = 0; i < 9; i++) await hitRateLimit(limitKey, 10, 86_400, { now: t0 });
    expect((await counter())?.count).toBe(10);
    expect((await submit(key)).reference).toBe(filed.reference);
    // A new submit is the eleventh of the day: refused before its code is looked at.
    const t1 = new Date(t0.getTime() + 5 * 60_000);
    await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: t1 });
    const nextCode = await latestCodeSentTo(person.email);
    const attempts = await prisma.oneTimeCode.aggregate({ _sum: { attempts: true } });
    await expect(
      submitRequest({
        input: asPerson(person.email),
        emailCode: nextCode,
        idempotencyKey: idempotencyKey(),
        locale: "ja",
        now: t1,
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await counter())?.count).toBe(11);
    expect(await prisma.oneTimeCode.aggregate({ _sum: { attempts: true } })).toEqual(attempts);
    expect(await prisma.request.count()).toBe(1);
  });

  // On PGlite the session is the app's one connection, so its prepared statements can be read.
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    "on the embedded database, parses the filing's statements once and lets them keep a generic plan",
    async () => {
      for (let i = 0; i < 8; i++) {
        const email = `plan${i}@example.com`;
        const emailCode = await codeFor(email);
        await submitRequest({
          input: asPerson(email),
          emailCode,
          idempotencyKey: idempotencyKey(),
          locale: "ja",
          now: t0,
        });
      }
      const statements = await prisma.$queryRawUnsafe<{ name: string; generic: number; custom: number }[]>(
        `SELECT name, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
         WHERE name LIKE 'madoguchi_%' ORDER BY name`,
      );
      const filing = [
        "madoguchi_code_check",
        "madoguchi_filing_idempotent_or_hit",
        "madoguchi_filing_reserve",
        "madoguchi_filing_write",
      ];
      expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(filing));
      // Each was planned with its values at most five times, then reused its generic plan.
      for (const s of statements.filter((s) => filing.includes(s.name))) {
        expect(s.custom).toBeLessThanOrEqual(5);
        expect(s.generic).toBeGreaterThanOrEqual(3);
      }
      expect(await prisma.request.count()).toBe(8);
    },
  );
});
