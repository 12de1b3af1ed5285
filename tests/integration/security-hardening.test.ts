import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { requestStatusCode, sessionFromStatusToken, verifyStatusCode } from "@/lib/requester/status-access";
import { codeRefusal, newCodeTicket, readCodeTicket } from "@/lib/codes/code-ticket";
import { AppError } from "@/lib/errors";
import { updateSettings } from "@/lib/settings/update-settings";
import { defaultSettings } from "@/lib/settings/settings-schema";
import type { StaffActor } from "@/lib/audit/actor";
import { fileDisclosure, latestCodeSentTo, seedPolicy, wrongCode } from "./portal-helpers";

// Issue 15 items 4 and 10, issue 20 point 4, at the domain level (the HTTP attacks are in
// tests/security/*.spec.ts).

const t0 = new Date("2026-11-30T03:00:00Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);
const DAY = 86_400;

describe("status sign-in refusals", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("answers an expired code for a matching reference exactly like a mismatch or an unknown reference, and counts it", async () => {
    const a = await fileDisclosure({ now: t0 });
    await requestStatusCode({ input: { reference: a.reference, email: a.email }, locale: "ja", now: later(5) });
    const code = await latestCodeSentTo(a.email);
    const afterExpiry = later(5 + 601);
    const outcome = (input: { reference: string; email: string; code: string }) =>
      verifyStatusCode({ input, now: afterExpiry }).then(
        () => "opened",
        (e: unknown) => (e instanceof AppError ? { code: e.code, fieldErrors: e.fieldErrors } : "crash"),
      );
    const matchingExpired = await outcome({ reference: a.reference, email: a.email, code });
    const mismatching = await outcome({ reference: a.reference, email: "someone-else@example.com", code });
    const unknown = await outcome({ reference: "DSR-2026-999999", email: a.email, code: wrongCode(code) });
    expect(matchingExpired).toEqual({ code: "CODE_INVALID", fieldErrors: { code: ["errors.codeInvalid"] } });
    expect(mismatching).toEqual(matchingExpired);
    expect(unknown).toEqual(matchingExpired);
    // The expired try was spent on the code.
    expect((await prisma.oneTimeCode.findFirstOrThrow({ where: { purpose: "STATUS_ACCESS" } })).attempts).toBe(1);
  });

  it("says 'spent' after the client's own fifth wrong try, with a mismatch as with a match", async () => {
    const refusal = new AppError("CODE_INVALID", "wrong", { code: ["errors.codeInvalid"] });
    const ticket = readCodeTicket(newCodeTicket("STATUS_ACCESS", t0), "STATUS_ACCESS");
    expect(ticket).not.toBeNull();
    const shown: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { error, resendAt } = await codeRefusal(refusal, ticket, later(10 + i));
      shown.push(`${(error as AppError).fieldErrors?.code?.[0]}${resendAt ? ` ${resendAt.toISOString()}` : ""}`);
    }
    expect(shown.slice(0, 4)).toEqual(Array(4).fill("errors.codeInvalid"));
    expect(shown[4]).toBe(`errors.codeSpent ${later(60).toISOString()}`);
    // Another client's ticket has its own count.
    const other = readCodeTicket(newCodeTicket("STATUS_ACCESS", t0), "STATUS_ACCESS");
    expect((await codeRefusal(refusal, other, later(20))).resendAt).toBeUndefined();
    // A ticket altered by the client, or for another purpose, is no ticket.
    const value = newCodeTicket("STATUS_ACCESS", t0);
    expect(
      readCodeTicket(
        value.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) - 100}.`),
        "STATUS_ACCESS",
      ),
    ).toBeNull();
    expect(readCodeTicket(value, "EMAIL_CONFIRMATION")).toBeNull();
  });

  it("counts a client's tries from its ticket, not by the clock's hour: five tries across the top of the hour are spent", async () => {
    const refusal = new AppError("CODE_INVALID", "wrong", { code: ["errors.codeInvalid"] });
    const sentAt = new Date("2026-12-01T05:59:30Z");
    const ticket = readCodeTicket(newCodeTicket("STATUS_ACCESS", sentAt), "STATUS_ACCESS");
    const at = (s: number) => new Date(sentAt.getTime() + s * 1000);
    const shown: string[] = [];
    // Three tries before 06:00:00 UTC, two after (the CI run of 2026-12-01 saw the fifth say "wrong").
    for (const s of [5, 10, 20, 35, 40]) {
      const { error } = await codeRefusal(refusal, ticket, at(s));
      shown.push(String((error as AppError).fieldErrors?.code?.[0]));
    }
    expect(shown).toEqual([...Array<string>(4).fill("errors.codeInvalid"), "errors.codeSpent"]);
  });
});

describe("status links expire", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("work for the set days after filing, then refuse and audit the use", async () => {
    const a = await fileDisclosure({ now: t0 });
    const days = defaultSettings.security.statusLinkDays;
    await expect(
      sessionFromStatusToken({ token: a.statusToken ?? "", now: later((days - 1) * DAY) }),
    ).resolves.toHaveProperty("sessionToken");
    await expect(
      sessionFromStatusToken({ token: a.statusToken ?? "", now: later(days * DAY + 1) }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const actions = (
      await prisma.auditEvent.findMany({
        where: { requestId: a.requestId, action: { startsWith: "requester." } },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["requester.signed_in", "requester.status_link_expired"]);
    // An admin can lengthen it.
    const admin: StaffActor = { type: "STAFF", id: "admin-1", role: "ADMIN" };
    await updateSettings({
      actor: admin,
      key: "security",
      value: { ...defaultSettings.security, statusLinkDays: days + 10 },
    });
    await expect(
      sessionFromStatusToken({ token: a.statusToken ?? "", now: later(days * DAY + 1) }),
    ).resolves.toHaveProperty("sessionToken");
  });
});
