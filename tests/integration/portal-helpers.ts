import { prisma } from "@/tests/helpers/db";
import { mailForSending } from "@/lib/mail/redact-mail";

// Shared by the portal-*.test.ts files: read what the requester would see in their mail.

/** The 6-digit code in the newest code mail sent to `to` (as sent: the stored copy has none). */
export async function latestCodeSentTo(to: string): Promise<string> {
  const mail = await prisma.outboxMessage.findFirst({
    where: { toAddress: to, kind: { startsWith: "code." } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(mail ? mailForSending(mail).text : "")?.[1];
  if (!code) throw new Error(`no code mail to ${to}`);
  return code;
}

/** A 6-digit code other than `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/** Row counts of every table a requester action may write, to assert "nothing saved". */
export async function rowCounts(): Promise<Record<string, number>> {
  const [request, document, storedFile, auditEvent, outbox, notice, message, session, download] = await Promise.all([
    prisma.request.count(),
    prisma.document.count(),
    prisma.storedFile.count(),
    prisma.auditEvent.count(),
    prisma.outboxMessage.count(),
    prisma.notice.count(),
    prisma.message.count(),
    prisma.requesterSession.count(),
    prisma.downloadRecord.count(),
  ]);
  return { request, document, storedFile, auditEvent, outbox, notice, message, session, download };
}

/** The policy version requests are filed under (resetDatabase empties it). */
export async function seedPolicy(): Promise<string> {
  const row = await prisma.policyVersion.create({
    data: {
      version: "1.0",
      effectiveDate: new Date("2026-04-01"),
      textJa: "プライバシーポリシー",
      textEn: "Privacy policy",
    },
  });
  return row.id;
}

export const person = {
  name: "山田 花子",
  nameKana: "ヤマダ ハナコ",
  birthDate: "1990-04-01",
  postalCode: "104-0061",
  prefecture: "東京都",
  city: "中央区",
  addressLine: "銀座1-2-3",
  email: "hanako.yamada@example.com",
  phone: "03-1234-5678",
  relationship: "SERVICE_USER",
} as const;

export const agentDetails = {
  name: "高橋 一郎",
  nameKana: "タカハシ イチロウ",
  email: "office@takahashi-law.example.com",
  phone: "06-1111-2222",
  address: "大阪府大阪市北区梅田1-1-1",
};

export function disclosureInput(
  files: { fileId: string; kind: string; holder: string }[],
  extra: Record<string, unknown> = {},
) {
  return {
    type: "DISCLOSURE",
    requesterKind: "SELF",
    subject: person,
    details: {
      categories: [1, 2],
      period: { from: "2024-01-01" },
      deliveryMethod: "ELECTRONIC",
      includeProvisionRecords: true,
    },
    documents: { sendByPost: files.length === 0, files },
    declarationAccepted: true,
    ...extra,
  };
}

let keySeq = 0;
export function idempotencyKey(): string {
  keySeq += 1;
  return `test-idempotency-${process.pid}-${keySeq}-${Math.random().toString(36).slice(2)}`;
}

/** Files a disclosure through the real path (upload, code, submit) and returns what the requester holds. */
export async function fileDisclosure(opts: { email?: string; now?: Date } = {}) {
  const { submitRequest } = await import("@/lib/requests/submit-request");
  const { sendEmailConfirmationCode } = await import("@/lib/requests/email-confirmation");
  const { addDraftUpload, newDraftKey } = await import("@/lib/uploads/draft-uploads");
  const { minimalPdf } = await import("@/tests/fixtures/files/build-fixtures");
  const now = opts.now ?? new Date();
  const email = opts.email ?? person.email;
  const draftKey = newDraftKey();
  const file = await addDraftUpload({ draftKey, file: { bytes: minimalPdf(), name: "passport.pdf" }, now });
  await sendEmailConfirmationCode({ email, locale: "ja", now });
  const emailCode = await latestCodeSentTo(email);
  const filed = await submitRequest({
    input: disclosureInput([{ fileId: file.id, kind: "PASSPORT", holder: "SUBJECT" }], {
      subject: { ...person, email },
    }),
    draftKey,
    emailCode,
    idempotencyKey: idempotencyKey(),
    locale: "ja",
    now,
  });
  return { ...filed, email, statusToken: filed.statusToken ?? "" };
}
