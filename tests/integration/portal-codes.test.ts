import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { checkOneTimeCode, issueOneTimeCode, purgeOldCodes, verifyOneTimeCode } from "@/lib/codes/one-time-code";
import { latestCodeSentTo, wrongCode } from "./portal-helpers";

const email = "Hanako.Yamada@example.com";
const to = "hanako.yamada@example.com";
const target = { purpose: "EMAIL_CONFIRMATION" as const, email };
const t0 = new Date("2026-11-30T03:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe("one-time codes", () => {
  beforeEach(resetDatabase);

  it("mails a 6-digit code and keeps only HMACs", async () => {
    const { expiresAt } = await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    expect(expiresAt).toEqual(at(600));
    const code = await latestCodeSentTo(to);
    const mail = await prisma.outboxMessage.findFirstOrThrow();
    expect(mail.subject).not.toContain(code);
    expect(mail.text).toContain("10分以内");
    const row = await prisma.oneTimeCode.findFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain("hanako");
  });

  it("accepts the right code once; a reused code is CODE_INVALID", async () => {
    await issueOneTimeCode({ ...target, locale: "en", now: t0 });
    const code = await latestCodeSentTo(to);
    expect((await prisma.outboxMessage.findFirstOrThrow()).text).toContain("within 10 minutes");
    await expect(
      verifyOneTimeCode({
        ...target,
        code: `　${code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `,
        now: at(30),
      }),
    ).resolves.toHaveProperty("codeId");
    await expect(verifyOneTimeCode({ ...target, code, now: at(31) })).rejects.toMatchObject({
      code: "CODE_INVALID",
      fieldErrors: { code: ["errors.codeInvalid"] },
    });
  });

  it("refuses the sixth try even when it is right", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    const code = await latestCodeSentTo(to);
    for (let i = 0; i < 5; i++)
      await expect(checkOneTimeCode({ ...target, code: wrongCode(code), now: at(10 + i) })).rejects.toMatchObject({
        code: "CODE_INVALID",
      });
    await expect(checkOneTimeCode({ ...target, code, now: at(20) })).rejects.toMatchObject({ code: "CODE_INVALID" });
    expect((await prisma.oneTimeCode.findFirstOrThrow()).attempts).toBe(5);
  });

  it("allows the right code on the fifth try", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    const code = await latestCodeSentTo(to);
    for (let i = 0; i < 4; i++)
      await checkOneTimeCode({ ...target, code: wrongCode(code), now: t0 }).catch(() => undefined);
    await expect(checkOneTimeCode({ ...target, code, now: t0 })).resolves.toHaveProperty("codeId");
  });

  it("refuses a code after ten minutes like any wrong code, and counts the try (issue 15 item 4)", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    const code = await latestCodeSentTo(to);
    const expired = await verifyOneTimeCode({ ...target, code, now: at(601) }).catch((e: unknown) => e);
    const wrong = await verifyOneTimeCode({ ...target, code: wrongCode(code), now: at(601) }).catch((e: unknown) => e);
    expect(expired).toMatchObject({ code: "CODE_INVALID", fieldErrors: { code: ["errors.codeInvalid"] } });
    expect(wrong).toMatchObject({ code: "CODE_INVALID", fieldErrors: { code: ["errors.codeInvalid"] } });
    expect((await prisma.oneTimeCode.findFirstOrThrow()).attempts).toBe(2);
  });

  it("refuses malformed codes without counting an attempt", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    await expect(checkOneTimeCode({ ...target, code: "12a456", now: t0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { code: ["errors.code"] },
    });
    expect((await prisma.oneTimeCode.findFirstOrThrow()).attempts).toBe(0);
  });

  it("binds a code to its purpose and request, and the newest code replaces older ones", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    const first = await latestCodeSentTo(to);
    await expect(verifyOneTimeCode({ purpose: "STATUS_ACCESS", email, code: first, now: t0 })).rejects.toMatchObject({
      code: "CODE_INVALID",
    });
    await expect(verifyOneTimeCode({ ...target, requestId: "another", code: first, now: t0 })).rejects.toMatchObject({
      code: "CODE_INVALID",
    });
    await issueOneTimeCode({ ...target, locale: "ja", now: at(61) });
    const second = await latestCodeSentTo(to);
    if (second !== first)
      await expect(verifyOneTimeCode({ ...target, code: first, now: at(62) })).rejects.toMatchObject({
        code: "CODE_INVALID",
      });
    await expect(verifyOneTimeCode({ ...target, code: second, now: at(62) })).resolves.toHaveProperty("codeId");
  });

  it("limits resends to one a minute and five an hour", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    await expect(issueOneTimeCode({ ...target, locale: "ja", now: at(30) })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 30,
    });
    for (let i = 1; i <= 4; i++) await issueOneTimeCode({ ...target, locale: "ja", now: at(i * 61) });
    await expect(issueOneTimeCode({ ...target, locale: "ja", now: at(6 * 61) })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await prisma.oneTimeCode.count()).toBe(5);
    await expect(
      issueOneTimeCode({ purpose: "STATUS_ACCESS", email, locale: "ja", now: at(6 * 61) }),
    ).resolves.toBeTruthy();
  });

  it("purges codes an hour after they expired", async () => {
    await issueOneTimeCode({ ...target, locale: "ja", now: t0 });
    expect(await purgeOldCodes({ now: at(600 + 3599) })).toBe(0);
    expect(await purgeOldCodes({ now: at(600 + 3601) })).toBe(1);
  });
});
