import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createStaff, seedDataMap } from "@/tests/helpers/request-fixtures";
import { submitRequest } from "@/lib/requests/submit-request";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { inviteStaff } from "@/lib/staff/manage-staff";
import { recordIdentityCheck } from "@/lib/identity/identity-check";
import { decideRequest } from "@/lib/decisions/decide-request";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { readOutboxMessage } from "@/lib/mail/mail-viewer";
import { purgeMailBodies } from "@/lib/mail/purge-mail";
import { anonymiseExpiredRequests } from "@/lib/operations/retention";
import type { OutgoingMail } from "@/lib/mail/transport";
import { disclosureInput, idempotencyKey, latestCodeSentTo, person, seedPolicy } from "./portal-helpers";

// Issue 15 item 5: mail carries one-time codes, status links (they open the requester's
// session) and invitation links. What is sent has them; nothing stored keeps them.

/** Every row of every table as text: what a database dump would show. */
async function dumpEveryTable(): Promise<string> {
  const tables = await prisma.$queryRaw<
    { tablename: string }[]
  >`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      // The alias must not be a column name, or row_to_json reads that column instead of the row.
      `SELECT row_to_json(dumped_row)::text AS row FROM "${tablename}" dumped_row`,
    );
    parts.push(`## ${tablename}`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/** The secret as a whole token (a 6-digit code inside a hash or id is not the code). */
function holds(haystack: string, secret: string): boolean {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![0-9A-Za-z_-])${escaped}(?![0-9A-Za-z_-])`).test(haystack);
}

describe("secrets in mail", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("after a request is filed, verified and answered, no table holds a code, status token or invitation token; the sent mail did", async () => {
    const t0 = new Date();
    const sent: OutgoingMail[] = [];
    const send = async (m: OutgoingMail) => {
      sent.push(m);
    };
    const admin = await createStaff("ADMIN", "管理 花子");
    const staff = await createStaff("STAFF", "担当 太郎");
    const systems = await seedDataMap();

    // An invitation, a confirmation code, a filed request with its status link.
    await inviteStaff({ actor: admin, input: { email: "new.staff@example.jp", name: "新人 一郎", role: "STAFF" } });
    await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: t0 });
    await deliverOutbox(prisma, { send });
    const code = /(?<!\d)(\d{6})(?!\d)/.exec(sent.find((m) => m.to === person.email)?.text ?? "")?.[1] ?? "";
    const inviteToken =
      /\/console\/invite\/([\w-]+)/.exec(sent.find((m) => m.to === "new.staff@example.jp")?.text ?? "")?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(inviteToken.length).toBeGreaterThan(20);

    const filed = await submitRequest({
      input: disclosureInput([]),
      draftKey: undefined,
      emailCode: code,
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: t0,
    });
    const statusToken = filed.statusToken ?? "";
    expect(statusToken.length).toBeGreaterThan(20);
    const { sessionToken } = await sessionFromStatusToken({ token: statusToken });

    // Verified and answered: the decision notice goes by mail.
    const r = await prisma.request.findUniqueOrThrow({ where: { id: filed.requestId } });
    const checked = await recordIdentityCheck({
      actor: staff,
      input: {
        requestId: r.id,
        version: r.version,
        result: "VERIFIED",
        matchedRecord: "C-10023",
        matchedSystemId: systems.members,
      },
    });
    await decideRequest({
      actor: staff,
      input: {
        requestId: r.id,
        version: checked.version,
        type: "DISCLOSURE",
        outcome: "FULFILLED",
        explanation: "ご請求の保有個人データを開示します。",
      },
    });
    await deliverOutbox(prisma, { send });

    const sentText = sent.map((m) => `${m.text}\n${m.html}`).join("\n");
    expect(holds(sentText, statusToken)).toBe(true);
    expect(await prisma.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);

    const dump = await dumpEveryTable();
    expect(dump).toContain(person.email); // the dump is real: the request is in it
    for (const secret of [code, statusToken, inviteToken, sessionToken])
      expect(holds(dump, secret), `a secret is stored: ${secret.slice(0, 3)}…`).toBe(false);

    // The mail viewer shows the redacted copy.
    const ack = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.ACKNOWLEDGEMENT" } });
    const shown = await readOutboxMessage({ actor: admin, id: ack.id });
    expect(shown.text).toContain("/status/t/[removed]");
    expect(shown.text).toContain(r.reference);
  });

  it("bodies of sent mail are purged after the retention setting; anonymising a request removes the person's mail", async () => {
    const t0 = new Date();
    await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: t0 });
    await deliverOutbox(prisma, { send: async () => {} });
    const code = await prisma.outboxMessage.findFirstOrThrow();
    expect(code.sealedBody).toBeNull();
    expect(code.text).toContain("[removed]");

    // 29 days on nothing changes; after 30 (the default) the body goes, the record stays.
    expect((await purgeMailBodies(prisma, new Date(t0.getTime() + 29 * 86_400_000))).messages).toBe(0);
    expect((await purgeMailBodies(prisma, new Date(t0.getTime() + 31 * 86_400_000))).messages).toBe(1);
    const purged = await prisma.outboxMessage.findFirstOrThrow();
    expect(purged).toMatchObject({ html: "", text: "", sealedBody: null, toAddress: person.email });
    expect(purged.bodyPurgedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "mail.bodies-purged" } })).toBe(1);

    // A request by the same person, closed long ago: anonymising it removes its mail and their code mails.
    const later = new Date(t0.getTime() + 2 * 61_000);
    await sendEmailConfirmationCode({ email: "other@example.com", locale: "ja", now: later });
    await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: later });
    const filed = await submitRequest({
      input: disclosureInput([]),
      draftKey: undefined,
      emailCode: await latestCodeSentTo(person.email),
      idempotencyKey: idempotencyKey(),
      locale: "ja",
      now: later,
    });
    await prisma.request.update({
      where: { id: filed.requestId },
      data: { status: "CLOSED", closedAt: new Date("2020-01-01T00:00:00Z") },
    });
    expect(await prisma.outboxMessage.count({ where: { toAddress: person.email } })).toBe(3);
    expect(await anonymiseExpiredRequests(prisma)).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { toAddress: person.email } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "other@example.com" } })).toBe(1);
  });

  it("without SMTP_URL the whole message goes to a file only the server's user can read, not to the database", async () => {
    await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: new Date() });
    await deliverOutbox(prisma);
    const row = await prisma.outboxMessage.findFirstOrThrow();
    const file = path.resolve(process.env.MAIL_CAPTURE_DIR ?? "", `${row.id}.txt`);
    const whole = fs.readFileSync(file, "utf8");
    const code = /(?<!\d)(\d{6})(?!\d)/.exec(whole)?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(holds(await dumpEveryTable(), code)).toBe(false);
  });
});
