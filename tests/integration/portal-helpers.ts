import { prisma } from "@/tests/helpers/db";

// Shared by the portal-*.test.ts files: read what the requester would see in their mail.

/** The 6-digit code in the newest code mail sent to `to`. */
export async function latestCodeSentTo(to: string): Promise<string> {
  const mail = await prisma.outboxMessage.findFirst({ where: { toAddress: to, kind: { startsWith: "code." } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(mail?.text ?? "")?.[1];
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
