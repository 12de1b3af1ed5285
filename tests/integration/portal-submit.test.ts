import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { submitRequest } from "@/lib/requests/submit-request";
import { submitInquiry } from "@/lib/requests/submit-inquiry";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { addDraftUpload, newDraftKey } from "@/lib/uploads/draft-uploads";
import { statusTokenHash } from "@/lib/requests/status-link";
import { readStoredFile } from "@/lib/files/file-store";
import { mailForSending } from "@/lib/mail/redact-mail";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { jobHandlers } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { jpegWithMetadata, minimalPdf } from "@/tests/fixtures/files/build-fixtures";
import { agentDetails, disclosureInput, idempotencyKey, latestCodeSentTo, person, seedPolicy } from "./portal-helpers";

const t0 = new Date("2026-11-30T03:00:00Z");
let policyId = "";

async function upload(draftKey: string, name = "licence.jpg", bytes = jpegWithMetadata()) {
  return addDraftUpload({ draftKey, file: { bytes, name }, now: t0 });
}

async function codeFor(email: string, locale: "ja" | "en" = "ja") {
  await sendEmailConfirmationCode({ email, locale, now: t0 });
  return latestCodeSentTo(email);
}

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `ack-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("submitting a request online", () => {
  beforeEach(async () => {
    await resetDatabase();
    policyId = await seedPolicy();
  });

  it("files a disclosure with an ID upload: reference, fee, clock, documents, audit and acknowledgement", async () => {
    const draftKey = newDraftKey();
    const file = await upload(draftKey);
    const emailCode = await codeFor(person.email);
    const result = await submitRequest({
      input: disclosureInput([{ fileId: file.id, kind: "DRIVERS_LICENSE", holder: "SUBJECT" }]),
      draftKey,
      emailCode,
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: t0,
    });
    expect(result).toMatchObject({ reference: "DSR-2026-000001", created: true });
    const r = await prisma.request.findUniqueOrThrow({
      where: { id: result.requestId },
      include: { documents: true, notices: true },
    });
    expect(r).toMatchObject({
      type: "DISCLOSURE",
      status: "RECEIVED",
      identity: "PENDING",
      fee: "AWAITING_PAYMENT",
      feeAmount: 5500,
      feeTaxAmount: 500,
      transferReference: "D2026000001",
      channel: "WEB",
      locale: "ja",
      targetDays: 14,
      policyVersionId: policyId,
      subjectNameKana: "ヤマダ ハナコ",
      emailNormalized: person.email,
      relationship: "SERVICE_USER",
    });
    expect(r.dueAt).toEqual(new Date(t0.getTime() + 14 * 86_400_000));
    expect(r.subjectBirthDate?.toISOString().slice(0, 10)).toBe("1990-04-01");
    expect(r.details).toMatchObject({
      categories: [1, 2],
      deliveryMethod: "ELECTRONIC",
      includeProvisionRecords: true,
      documentsByPost: false,
    });
    expect(r.statusTokenHash).toBe(statusTokenHash(result.statusToken ?? ""));
    expect(r.documents).toMatchObject([
      { fileId: file.id, kind: "DRIVERS_LICENSE", holder: "SUBJECT", review: "UNREVIEWED" },
    ]);
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      requestId: r.id,
      draftKeyHash: null,
      expiresAt: null,
    });

    const audit = await prisma.auditEvent.findMany({ where: { requestId: r.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["request.submitted", "notice.sent"]);
    expect(audit[0]).toMatchObject({
      actorType: "REQUESTER",
      data: { type: "DISCLOSURE", documents: 1, fee: "AWAITING_PAYMENT" },
    });
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(/hanako|山田|1990|ヤマダ/i);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);

    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.ACKNOWLEDGEMENT" } });
    expect(mail.toAddress).toBe(person.email);
    expect(mail.subject).toContain("DSR-2026-000001");
    // The mail sent carries the status link; the copy kept in the outbox does not.
    for (const s of [
      "5,500円",
      "D2026000001",
      "みずほ銀行",
      "船場支店",
      "2026年12月14日",
      `/status/t/${result.statusToken}`,
    ])
      expect(mailForSending(mail).text).toContain(s);
    expect(mail.text).toContain("/status/t/[removed]");
    expect(`${mail.text}${mail.html}`).not.toContain(result.statusToken ?? "-");
    expect(r.notices).toMatchObject([{ kind: "ACKNOWLEDGEMENT", channel: "EMAIL", outboxId: mail.id }]);
    expect(r.notices[0]?.bodyText).not.toContain(result.statusToken ?? "-");

    const job = await prisma.job.findFirstOrThrow({ where: { kind: "portal.notice-pdf" } });
    const handler = jobHandlers.get(job.kind);
    await handler?.(job.payload, { prisma, jobId: job.id, workerName: "test" });
    await handler?.(job.payload, { prisma, jobId: job.id, workerName: "test" }); // a retry adds nothing
    const notice = await prisma.notice.findFirstOrThrow({ include: { file: true } });
    expect(notice.file?.role).toBe("NOTICE_PDF");
    expect(await prisma.storedFile.count({ where: { role: "NOTICE_PDF" } })).toBe(1);
    expect(
      pdfText(await readStoredFile(notice.file ?? { storageKey: "", iv: "", authTag: "", deletedAt: null })),
    ).toContain("DSR-2026-000001");
  });

  it("files an appointed agent's correction with power of attorney and seal certificate; mail goes to the agent", async () => {
    const draftKey = newDraftKey();
    const id = await upload(draftKey, "agent-passport.jpg");
    const poa = await upload(draftKey, "poa.pdf", minimalPdf("POA"));
    const seal = await upload(draftKey, "seal.pdf", minimalPdf("seal"));
    const emailCode = await codeFor(agentDetails.email, "en");
    const result = await submitRequest({
      input: {
        type: "CORRECTION",
        requesterKind: "APPOINTED_AGENT",
        agent: agentDetails,
        subject: person,
        details: {
          action: "CORRECT",
          items: [{ category: 1, current: "東京都中央区銀座1-2-30", corrected: "東京都中央区銀座1-2-3" }],
        },
        documents: {
          files: [
            { fileId: id.id, kind: "PASSPORT", holder: "AGENT" },
            { fileId: poa.id, kind: "POWER_OF_ATTORNEY", holder: "AGENT" },
            { fileId: seal.id, kind: "SEAL_CERTIFICATE", holder: "SUBJECT", issuedOn: "2026-11-01" },
          ],
        },
        declarationAccepted: "on",
      },
      draftKey,
      emailCode,
      idempotencyKey: idempotencyKey(),
      locale: "en",
      now: t0,
    });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: result.requestId }, include: { documents: true } });
    expect(r).toMatchObject({
      type: "CORRECTION",
      requesterKind: "APPOINTED_AGENT",
      fee: "NOT_REQUIRED",
      transferReference: null,
      agentEmail: agentDetails.email,
      agentName: "高橋 一郎",
      locale: "en",
    });
    expect(r.documents.map((d) => d.kind).sort()).toEqual(["PASSPORT", "POWER_OF_ATTORNEY", "SEAL_CERTIFICATE"]);
    expect(
      r.documents
        .find((d) => d.kind === "SEAL_CERTIFICATE")
        ?.issuedOn?.toISOString()
        .slice(0, 10),
    ).toBe("2026-11-01");
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.ACKNOWLEDGEMENT" } });
    expect(mail.toAddress).toBe(agentDetails.email);
    expect(mail.text).toContain("Dear 高橋 一郎 (agent for 山田 花子)");
    expect(mail.text).not.toContain("Transfer reference");
  });

  it("files a suspension citing an Art 2.2 purpose, with copies by post", async () => {
    const emailCode = await codeFor(person.email);
    const result = await submitRequest({
      input: {
        type: "SUSPENSION",
        requesterKind: "SELF",
        subject: { ...person, relationship: "SITE_VISITOR" },
        details: { categories: [6], ground: "BEYOND_PURPOSE", purpose: "10", wanted: "SUSPEND_USE" },
        documents: { sendByPost: true },
        declarationAccepted: true,
      },
      emailCode,
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: t0,
    });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(r.details).toEqual({
      categories: [6],
      ground: "BEYOND_PURPOSE",
      purpose: 10,
      wanted: "SUSPEND_USE",
      documentsByPost: true,
    });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.ACKNOWLEDGEMENT" } });
    expect(mail.text).toContain("〒542-0081 大阪府大阪市中央区南船場4-10-5 702");
  });

  it("needs identity but no fee for a purpose notice", async () => {
    const emailCode = await codeFor(person.email);
    const result = await submitRequest({
      input: {
        type: "PURPOSE_NOTICE",
        requesterKind: "SELF",
        subject: person,
        details: {},
        documents: { sendByPost: true },
        declarationAccepted: true,
      },
      emailCode,
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: t0,
    });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: result.requestId } })).toMatchObject({
      identity: "PENDING",
      fee: "NOT_REQUIRED",
      feeAmount: 0,
    });
  });

  it("creates one request for a double submit, sequential or concurrent", async () => {
    const emailCode = await codeFor(person.email);
    const key = idempotencyKey();
    const submit = () =>
      submitRequest({ input: disclosureInput([]), emailCode, idempotencyKey: key, locale: "ja", now: t0 });
    const results = await Promise.all([submit(), submit(), submit(), submit()]);
    const a = results[0] ?? (await submit());
    expect(new Set(results.map((r) => r.requestId))).toEqual(new Set([a.requestId]));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const c = await submit();
    expect(c).toMatchObject({ requestId: a.requestId, created: false, statusToken: null });
    expect(await prisma.request.count()).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { kind: "notice.ACKNOWLEDGEMENT" } })).toBe(1);
    const other = submitRequest({
      input: disclosureInput([], { subject: { ...person, email: "someone@example.com" } }),
      emailCode,
      idempotencyKey: key,
      locale: "ja",
      now: t0,
    });
    await expect(other).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("files an inquiry after the email code, without identity or fee", async () => {
    const emailCode = await codeFor("misaki@example.com");
    const input = {
      kind: "COMPLAINT",
      topic: "MARKETING",
      message: "配信停止を依頼したのにまだ届きます。",
      name: "田中 美咲",
      email: "misaki@example.com",
      reference: "DSR-2026-000001",
    };
    const result = await submitInquiry({ input, emailCode, idempotencyKey: idempotencyKey(), locale: "ja", now: t0 });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(r).toMatchObject({
      type: "COMPLAINT",
      identity: "NOT_REQUIRED",
      fee: "NOT_REQUIRED",
      subjectName: "田中 美咲",
      details: { topic: "MARKETING", reference: "DSR-2026-000001" },
    });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.ACKNOWLEDGEMENT" } });
    expect(mail.subject).toContain("お問い合わせを受け付けました");
    await expect(
      submitInquiry({ input, emailCode: "000000", idempotencyKey: idempotencyKey(), locale: "ja", now: t0 }),
    ).rejects.toMatchObject({ code: "CODE_INVALID" });
  });
});
