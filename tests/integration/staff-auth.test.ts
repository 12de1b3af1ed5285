import { beforeEach, describe, expect, it } from "vitest";
import { authenticator } from "otplib";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { hashPassword } from "@/lib/server/password";
import { openString } from "@/lib/server/crypto";
import { mailForSending } from "@/lib/mail/redact-mail";
import { beginSignIn, completeSignIn, signOutStaff } from "@/lib/staff/sign-in";
import { THROTTLE_RULES } from "@/lib/staff/sign-in-throttle";
import { isAppError } from "@/lib/errors";
import { RateLimitError } from "@/lib/server/rate-limit";
import {
  acceptInvite,
  changeStaffRole,
  inviteStaff,
  listStaff,
  resetStaffTotp,
  setStaffActive,
  unlockStaff,
} from "@/lib/staff/manage-staff";
import type { StaffActor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const PASSWORD = "correct horse battery";

async function makeStaff(email: string, role: "STAFF" | "OFFICER" | "ADMIN" = "STAFF") {
  const u = await prisma.staffUser.create({
    data: { email, name: email.split("@")[0] ?? email, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { actor: { type: "STAFF", id: u.id, role } as StaffActor, user: u };
}

/** Signs in fully, enrolling TOTP on the way; returns the secret. */
async function signInAndEnrol(email: string): Promise<string> {
  const step = await beginSignIn({ email, password: PASSWORD });
  if (!step.enrolment) throw new Error("expected enrolment");
  await completeSignIn({ challenge: step.challenge, code: authenticator.generate(step.enrolment.secret) });
  return step.enrolment.secret;
}

describe("staff sign-in", () => {
  beforeEach(resetDatabase);

  it("enrols TOTP on the first sign-in and asks for the code afterwards", async () => {
    await makeStaff("admin@example.jp", "ADMIN");
    const first = await beginSignIn({ email: "ADMIN@example.jp ", password: PASSWORD });
    expect(first.enrolment?.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(first.enrolment?.otpauthUrl).toContain("otpauth://totp/Madoguchi");
    const secret = first.enrolment?.secret ?? "";
    const user = await completeSignIn({ challenge: first.challenge, code: authenticator.generate(secret) });
    expect(user.role).toBe("ADMIN");
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret && openString(stored.totpSecret)).toBe(secret);
    expect(stored.totpSecret).not.toContain(secret);

    // The enrolment code's step is spent; the next sign-in uses the next step's code.
    const next = new Date(Date.now() + 30_000);
    const nextCode = authenticator.clone({ epoch: next.getTime() }).generate(secret);
    const second = await beginSignIn({ email: "admin@example.jp", password: PASSWORD });
    expect(second.enrolment).toBeNull();
    await expect(
      completeSignIn({ challenge: second.challenge, code: "000000" === nextCode ? "111111" : "000000" }, next),
    ).rejects.toMatchObject({ code: "CODE_INVALID" });
    await expect(completeSignIn({ challenge: second.challenge, code: nextCode }, next)).resolves.toMatchObject({
      id: user.id,
    });
    // A challenge works once.
    await expect(completeSignIn({ challenge: second.challenge, code: nextCode }, next)).rejects.toMatchObject({
      code: "CODE_EXPIRED",
    });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await makeStaff("a@example.jp");
    await expect(beginSignIn({ email: "nobody@example.jp", password: PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(beginSignIn({ email: "a@example.jp", password: "wrong" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("throttles wrong passwords per account and client instead of locking, and ends no session", async () => {
    const { user } = await makeStaff("s@example.jp");
    const now = new Date();
    const attempt = (password: string, clientKey: string, at = now) =>
      beginSignIn({ email: "s@example.jp", password }, { clientKey, now: at }).then(
        () => "OK",
        (e: unknown) =>
          e instanceof RateLimitError ? `WAIT ${e.retryAfterSeconds}` : isAppError(e) ? e.code : "CRASH",
      );
    const free = THROTTLE_RULES.pair.free;
    for (let i = 0; i < free; i++) expect(await attempt(`wrong-${i}`, "client-a")).toBe("UNAUTHENTICATED");
    // The next one is admitted and earns the first wait; then this pair waits, even with the right password.
    expect(await attempt("wrong-x", "client-a")).toBe("UNAUTHENTICATED");
    expect(await attempt(PASSWORD, "client-a")).toBe("WAIT 1");
    // An unknown account is throttled exactly alike.
    const unknown = (clientKey: string) =>
      beginSignIn({ email: "nobody@example.jp", password: "wrong" }, { clientKey, now }).catch((e: unknown) =>
        e instanceof RateLimitError ? `WAIT ${e.retryAfterSeconds}` : isAppError(e) ? e.code : "CRASH",
      );
    for (let i = 0; i < free + 1; i++) expect(await unknown("client-a")).toBe("UNAUTHENTICATED");
    expect(await unknown("client-a")).toBe("WAIT 1");
    // The real member at another client is not held up by client-a's failures.
    expect(await attempt(PASSWORD, "client-b")).toBe("OK");
    const after = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ sessionVersion: user.sessionVersion, lockedUntil: null });
    expect(await prisma.auditEvent.count({ where: { action: "staff.locked" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "staff.sign-in-failed", entityId: user.id } })).toBe(
      free + 1,
    );
  });

  it("caps the account's wait at half a minute however many clients fail, so the member gets in", async () => {
    await makeStaff("m@example.jp");
    const now = new Date();
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      outcomes.push(
        await beginSignIn({ email: "m@example.jp", password: "wrong" }, { clientKey: `attacker-${i}`, now }).then(
          () => "OK",
          (e: unknown) => (e instanceof RateLimitError ? "WAIT" : isAppError(e) ? e.code : "CRASH"),
        ),
      );
    }
    // Only the account's free attempts (and the one that closed it) were hashed.
    expect(outcomes.filter((o) => o === "UNAUTHENTICATED")).toHaveLength(THROTTLE_RULES.account.free + 1);
    const refused = await beginSignIn(
      { email: "m@example.jp", password: PASSWORD },
      { clientKey: "member", now },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitError);
    expect((refused as RateLimitError).retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_RULES.account.capSeconds);
    const later = new Date(now.getTime() + (THROTTLE_RULES.account.capSeconds + 1) * 1000);
    await expect(
      beginSignIn({ email: "m@example.jp", password: PASSWORD }, { clientKey: "member", now: later }),
    ).resolves.toHaveProperty("challenge");
  });

  it("hashes at most the free attempts of a burst from one client", async () => {
    await makeStaff("p@example.jp");
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        beginSignIn({ email: "p@example.jp", password: "wrong" }, { clientKey: "burst", now }).then(
          () => "OK",
          (e: unknown) => (e instanceof RateLimitError ? "WAIT" : isAppError(e) ? e.code : "CRASH"),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "UNAUTHENTICATED").length).toBeLessThanOrEqual(THROTTLE_RULES.pair.free + 1);
    expect(outcomes.filter((o) => o === "WAIT").length).toBeGreaterThanOrEqual(30 - THROTTLE_RULES.pair.free - 1);
  });

  it("accepts a TOTP code once: the same code again, or an older one, is refused", async () => {
    await makeStaff("r@example.jp");
    const secret = await signInAndEnrol("r@example.jp");
    const at = new Date(Date.now() + 60_000);
    const code = authenticator.clone({ epoch: at.getTime() }).generate(secret);
    const first = await beginSignIn({ email: "r@example.jp", password: PASSWORD }, { clientKey: "c" });
    await expect(completeSignIn({ challenge: first.challenge, code }, at)).resolves.toHaveProperty("id");
    const again = await beginSignIn({ email: "r@example.jp", password: PASSWORD }, { clientKey: "c" });
    await expect(
      completeSignIn({ challenge: again.challenge, code }, new Date(at.getTime() + 3000)),
    ).rejects.toMatchObject({ code: "CODE_INVALID" });
    // The previous step's code is still inside the ±1 window, but older than the one used.
    const older = authenticator.clone({ epoch: at.getTime() - 30_000 }).generate(secret);
    const third = await beginSignIn({ email: "r@example.jp", password: PASSWORD }, { clientKey: "c" });
    await expect(completeSignIn({ challenge: third.challenge, code: older }, at)).rejects.toMatchObject({
      code: "CODE_INVALID",
    });
    const next = new Date(at.getTime() + 30_000);
    await expect(
      completeSignIn(
        { challenge: third.challenge, code: authenticator.clone({ epoch: next.getTime() }).generate(secret) },
        next,
      ),
    ).resolves.toHaveProperty("id");
  });

  it("refuses an expired challenge", async () => {
    await makeStaff("e@example.jp");
    const step = await beginSignIn({ email: "e@example.jp", password: PASSWORD });
    const code = authenticator.generate(step.enrolment?.secret ?? "");
    await expect(
      completeSignIn({ challenge: step.challenge, code }, new Date(Date.now() + 6 * 60_000)),
    ).rejects.toMatchObject({ code: "CODE_EXPIRED" });
  });

  it("sign-out bumps the session version so old sessions stop", async () => {
    const { user } = await makeStaff("o@example.jp");
    await signOutStaff(user.id);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
      user.sessionVersion + 1,
    );
  });
});

describe("staff administration", () => {
  beforeEach(resetDatabase);

  it("an admin invites, the invitee sets a password and can sign in", async () => {
    const { actor } = await makeStaff("admin@example.jp", "ADMIN");
    const { id } = await inviteStaff({ actor, input: { email: "New@Example.jp", name: "新人 花子", role: "STAFF" } });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "staff.invite" } });
    expect(mail.toAddress).toBe("new@example.jp");
    const token = /\/console\/invite\/([\w-]+)/.exec(mailForSending(mail).text)?.[1] ?? "";
    expect(token).not.toBe("");
    await expect(acceptInvite({ token, password: "short", confirm: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await acceptInvite({ token, password: "a long enough password", confirm: "a long enough password" });
    await expect(
      acceptInvite({ token, password: "a long enough password", confirm: "a long enough password" }),
    ).rejects.toMatchObject({ code: "CODE_EXPIRED" });
    const step = await beginSignIn({ email: "new@example.jp", password: "a long enough password" });
    expect(step.enrolment).not.toBeNull();
    expect((await listStaff({ actor })).find((s) => s.id === id)).toMatchObject({ role: "STAFF", invited: false });
  });

  it("refuses a duplicate email with a field error and creates nothing", async () => {
    const { actor } = await makeStaff("admin@example.jp", "ADMIN");
    const err = await inviteStaff({ actor, input: { email: "admin@example.jp", name: "x", role: "STAFF" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["errors.emailInUse"] } });
    expect(await prisma.staffUser.count()).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(0);
  });

  it("refuses every staff-admin action to STAFF, OFFICER and signed-out actors", async () => {
    const { user: target } = await makeStaff("target@example.jp");
    for (const role of ["STAFF", "OFFICER"] as const) {
      const { actor } = await makeStaff(`${role.toLowerCase()}@example.jp`, role);
      const input = { staffId: target.id, role: "ADMIN" };
      await expect(
        inviteStaff({ actor, input: { email: "x@example.jp", name: "x", role: "ADMIN" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeStaffRole({ actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setStaffActive({ actor, input, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(unlockStaff({ actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(resetStaffTotp({ actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listStaff({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listStaff({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("STAFF");
  });

  it("changes a role and deactivates, ending the person's sessions, but never removes the last admin", async () => {
    const { actor, user: admin } = await makeStaff("admin@example.jp", "ADMIN");
    const { user: staff } = await makeStaff("s@example.jp");
    await changeStaffRole({ actor, input: { staffId: staff.id, role: "OFFICER" } });
    const after = await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(after).toMatchObject({ role: "OFFICER", sessionVersion: 1 });
    await setStaffActive({ actor, input: { staffId: staff.id }, active: false });
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).active).toBe(false);
    await expect(beginSignIn({ email: "s@example.jp", password: PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    await expect(changeStaffRole({ actor, input: { staffId: admin.id, role: "STAFF" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(setStaffActive({ actor, input: { staffId: admin.id }, active: false })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: staff.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["staff.role-changed", "staff.deactivated"]);
    expect(audit[0]?.data).toEqual({ from: "STAFF", to: "OFFICER" });
  });
});
