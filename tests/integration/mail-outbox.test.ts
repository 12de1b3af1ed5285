import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { smtpSender } from "@/lib/mail/transport";
import { renderMail } from "@/lib/mail/mail-layout";

type Received = { to: string; subject: string; text: string; messageId: string };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(",") : (m.to?.text ?? "");
          inbox.push({ to, subject: m.subject ?? "", text: m.text ?? "", messageId: m.messageId ?? "" });
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

const body = renderMail({
  locale: "ja",
  subject: "【受付】DSR-2026-000001",
  heading: "山田 花子 様",
  paragraphs: ["ご請求を受け付けました。", "<script>alert(1)</script>"],
  facts: [{ label: "受付番号", value: "DSR-2026-000001" }],
  action: { label: "状況を確認する", url: "http://localhost:3000/status" },
  signature: "株式会社アズポケット",
});

describe("outbox delivery through a real SMTP server", () => {
  let server: SMTPServer | undefined;
  beforeEach(resetDatabase);
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  it("keeps a message sent while the server is down and delivers it once when it is back", async () => {
    const port = await freePort();
    const send = smtpSender(`smtp://127.0.0.1:${port}`, "Madoguchi <privacy@example.jp>");
    const id = await prisma.$transaction((tx) => enqueueMail(tx, { to: "hanako@example.com", kind: "test", ...body }));

    // Down: the attempt fails, is recorded without the address, and is scheduled later.
    expect(await deliverOutbox(prisma, { send })).toEqual({ sent: 0, failed: 1 });
    const waiting = await prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.lastError).not.toContain("hanako@example.com");
    // Not due yet: nothing is tried.
    expect(await deliverOutbox(prisma, { send })).toEqual({ sent: 0, failed: 0 });

    // Back up, and the backoff has passed.
    const inbox: Received[] = [];
    server = await startSmtp(port, inbox);
    await prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverOutbox(prisma, { send })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverOutbox(prisma, { send })).toEqual({ sent: 0, failed: 0 });

    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ to: "hanako@example.com", subject: "【受付】DSR-2026-000001" });
    expect(inbox[0]?.text).toContain("ご請求を受け付けました。");
    expect(inbox[0]?.messageId).toBe(`<${id}@madoguchi>`);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  });

  it("two workers delivering at once send each message exactly once", async () => {
    const port = await freePort();
    const inbox: Received[] = [];
    server = await startSmtp(port, inbox);
    const send = smtpSender(`smtp://127.0.0.1:${port}`, "Madoguchi <privacy@example.jp>");
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueMail(tx, { to: `p${i}@example.com`, kind: "test", ...body });
    });
    const drain = async () => {
      for (let i = 0; i < 10; i++) await deliverOutbox(prisma, { send, batch: 4 });
    };
    await Promise.all([drain(), drain()]);
    expect(inbox).toHaveLength(30);
    expect(new Set(inbox.map((m) => m.to)).size).toBe(30);
    expect(await prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(30);
  });
});

describe("mail templates", () => {
  it("render HTML and text in the requester's language, escaping what they typed", () => {
    expect(body.html).toContain('<html lang="ja">');
    expect(body.html).toContain("&lt;script&gt;");
    expect(body.html).not.toContain("<script>");
    expect(body.text).toContain("受付番号: DSR-2026-000001");
    expect(body.text).toContain("状況を確認する: http://localhost:3000/status");
    const en = renderMail({
      locale: "en",
      subject: "Received",
      heading: "Dear Hanako",
      paragraphs: ["We received it."],
      signature: "Azpocket Inc.",
    });
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).toContain("This address does not receive replies.");
  });
});
