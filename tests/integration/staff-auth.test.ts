import { beforeEach, describe, expect, it } from "vitest";
import { authenticator } from "otplib";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { hashPassword } from "@/lib/server/password";
import { openString } from "@/lib/server/crypto";
import { mailForSending } from "@/lib/mail/redact-mail";
import { beginSignIn, completeSignIn, MAX_FAILED_SIGN_INS, signOutStaff } from "@/lib/staff/sign-in";
import { acceptInvite, changeStaffRole, inviteStaff, listStaff, resetStaffTotp, setStaffActive, unlockStaff } from "@/lib/staff/manage-staff";
import type { StaffActor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const PASSWORD = "correct horse battery";

async function makeStaff(email: string, role: "STAFF" | "OFFICER" | "ADMIN" = "STAFF") {
  const u = await prisma.staffUser.create({ data: { email, name: email.split("@")[0] ?? email, role, passwordHash: await hashPassword(PASSWORD) } });
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

    const second = await beginSignIn({ email: "admin@example.jp", password: PASSWORD });
    expect(second.enrolment).toBeNull();
    await expect(completeSignIn({ challenge: second.challenge, code: "000000" === authenticator.generate(secret) ? "111111" : "000000" })).rejects.toMatchObject({ code: "CODE_INVALID" });
    await expect(completeSignIn({ challenge: second.challenge, code: authenticator.generate(secret) })).resolves.toMatchObject({ id: user.id });
    // A challenge works once.
    await expect(completeSignIn({ challenge: second.challenge, code: authenticator.generate(secret) })).rejects.toMatchObject({ code: "CODE_EXPIRED" });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await makeStaff("a@example.jp");
    await expect(beginSignIn({ email: "nobody@example.jp", password: PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(beginSignIn({ email: "a@example.jp", password: "wrong" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("locks the account after five wrong passwords, even for the right one", async () => {
    const { user } = await makeStaff("s@example.jp");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await expect(beginSignIn({ email: "s@example.jp", password: `wrong-${i}` })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(beginSignIn({ email: "s@example.jp", password: PASSWORD })).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    const locked = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.auditEvent.count({ where: { action: "staff.locked", entityId: user.id } })).toBe(1);
    // The lock ends by itself after its time.
    const later = new Date(Date.now() + 31 * 60_000);
    await expect(beginSignIn({ email: "s@example.jp", password: PASSWORD }, later)).resolves.toHaveProperty("challenge");
  });

  it("counts wrong TOTP codes towards the same lockout", async () => {
    const { user } = await makeStaff("t@example.jp");
    await signInAndEnrol("t@example.jp");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const step = await beginSignIn({ email: "t@example.jp", password: PASSWORD });
      await expect(completeSignIn({ challenge: step.challenge, code: "12345" + String(i) })).rejects.toBeTruthy();
    }
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();
  });

  it("refuses an expired challenge", async () => {
    await makeStaff("e@example.jp");
    const step = await beginSignIn({ email: "e@example.jp", password: PASSWORD });
    const code = authenticator.generate(step.enrolment?.secret ?? "");
    await expect(completeSignIn({ challenge: step.challenge, code }, new Date(Date.now() + 6 * 60_000))).rejects.toMatchObject({ code: "CODE_EXPIRED" });
  });

  it("sign-out bumps the session version so old sessions stop", async () => {
    const { user } = await makeStaff("o@example.jp");
    await signOutStaff(user.id);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
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
    await expect(acceptInvite({ token, password: "short", confirm: "short" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await acceptInvite({ token, password: "a long enough password", confirm: "a long enough password" });
    await expect(acceptInvite({ token, password: "a long enough password", confirm: "a long enough password" })).rejects.toMatchObject({ code: "CODE_EXPIRED" });
    const step = await beginSignIn({ email: "new@example.jp", password: "a long enough password" });
    expect(step.enrolment).not.toBeNull();
    expect((await listStaff({ actor })).find((s) => s.id === id)).toMatchObject({ role: "STAFF", invited: false });
  });

  it("refuses a duplicate email with a field error and creates nothing", async () => {
    const { actor } = await makeStaff("admin@example.jp", "ADMIN");
    const err = await inviteStaff({ actor, input: { email: "admin@example.jp", name: "x", role: "STAFF" } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["errors.emailInUse"] } });
    expect(await prisma.staffUser.count()).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(0);
  });

  it("refuses every staff-admin action to STAFF, OFFICER and signed-out actors", async () => {
    const { user: target } = await makeStaff("target@example.jp");
    for (const role of ["STAFF", "OFFICER"] as const) {
      const { actor } = await makeStaff(`${role.toLowerCase()}@example.jp`, role);
      const input = { staffId: target.id, role: "ADMIN" };
      await expect(inviteStaff({ actor, input: { email: "x@example.jp", name: "x", role: "ADMIN" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
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
    await expect(beginSignIn({ email: "s@example.jp", password: PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    await expect(changeStaffRole({ actor, input: { staffId: admin.id, role: "STAFF" } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(setStaffActive({ actor, input: { staffId: admin.id }, active: false })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: staff.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["staff.role-changed", "staff.deactivated"]);
    expect(audit[0]?.data).toEqual({ from: "STAFF", to: "OFFICER" });
  });
});
