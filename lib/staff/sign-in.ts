import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { openString, randomToken, sealString, sha256Hex } from "@/lib/server/crypto";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkTotp, newTotpSecret, totpEnrolment, type TotpEnrolment } from "./totp";
import { codeStepSchema, passwordStepSchema } from "./staff-schemas";

// Sign-in is two steps: a password, then a TOTP code (enrolled on the first sign-in).
// The step between them is a short-lived challenge row, so a correct password alone
// never yields a session. Wrong passwords and wrong codes count towards one lockout.

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 30;
const CHALLENGE_MINUTES = 5;
const MAX_CODE_ATTEMPTS = 5;

// A real hash to verify against when the email is unknown, so both paths take as long.
let dummyHash: Promise<string> | undefined;

export type PasswordStepResult = { challenge: string; enrolment: TotpEnrolment | null };

export async function beginSignIn(raw: unknown, now = new Date()): Promise<PasswordStepResult> {
  const input = parseInput(passwordStepSchema, raw, "sign-in");
  const staff = await prisma.staffUser.findUnique({ where: { email: input.email } });
  if (!staff?.active || !staff.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    await verifyPassword(await dummyHash, input.password);
    throw new AppError("UNAUTHENTICATED", "unknown or inactive account");
  }
  if (staff.lockedUntil && staff.lockedUntil > now) throw new AppError("ACCOUNT_LOCKED");

  if (!(await verifyPassword(staff.passwordHash, input.password))) {
    await recordFailure(staff.id, "password", now);
    throw new AppError("UNAUTHENTICATED", "wrong password");
  }

  const challenge = randomToken();
  const secret = staff.totpSecret ? null : newTotpSecret();
  // The failure count is reset only by a complete sign-in, so a stolen password cannot
  // be used to guess codes without limit.
  await prisma.$transaction(async (tx) => {
    await tx.signInChallenge.create({
      data: {
        tokenHash: sha256Hex(challenge),
        staffId: staff.id,
        pendingSecret: secret ? sealString(secret) : null,
        expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      },
    });
  });
  return { challenge, enrolment: secret ? await totpEnrolment(staff.email, secret) : null };
}

export type SignedInStaff = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export async function completeSignIn(raw: unknown, now = new Date()): Promise<SignedInStaff> {
  const input = parseInput(codeStepSchema, raw, "sign-in code");
  const challenge = await prisma.signInChallenge.findUnique({ where: { tokenHash: sha256Hex(input.challenge) }, include: { staff: true } });
  if (!challenge || challenge.consumedAt || challenge.expiresAt <= now || challenge.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError("CODE_EXPIRED", "challenge missing, used or expired");
  }
  const { staff } = challenge;
  if (!staff.active) throw new AppError("UNAUTHENTICATED", "inactive");
  if (staff.lockedUntil && staff.lockedUntil > now) throw new AppError("ACCOUNT_LOCKED");
  const sealed = challenge.pendingSecret ?? staff.totpSecret;
  if (!sealed) throw new AppError("CODE_EXPIRED", "no secret");

  if (!checkTotp(input.code, openString(sealed))) {
    await prisma.signInChallenge.update({ where: { id: challenge.id }, data: { attempts: { increment: 1 } } });
    await recordFailure(staff.id, "code", now);
    throw new AppError("CODE_INVALID");
  }

  return prisma.$transaction(async (tx) => {
    // Consuming with a guard makes a replayed challenge fail even under a race.
    const consumed = await tx.signInChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count !== 1) throw new AppError("CODE_EXPIRED", "challenge raced");
    const enrolling = Boolean(challenge.pendingSecret);
    const user = await tx.staffUser.update({
      where: { id: staff.id },
      data: {
        failedSignIns: 0,
        lockedUntil: null,
        lastSignInAt: now,
        ...(enrolling ? { totpSecret: challenge.pendingSecret, totpEnrolledAt: now } : {}),
      },
    });
    const actor = { type: "STAFF", id: staff.id, role: staff.role } as const;
    if (enrolling) await writeAuditEvent(tx, { actor, action: "staff.totp-enrolled", entity: "StaffUser", entityId: staff.id });
    await writeAuditEvent(tx, { actor, action: "staff.signed-in", entity: "StaffUser", entityId: staff.id });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  });
}

async function recordFailure(staffId: string, step: "password" | "code", now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // Increment in SQL so concurrent failures all count.
    const rows = await tx.$queryRaw<{ failedSignIns: number }[]>`
      UPDATE "StaffUser" SET "failedSignIns" = "failedSignIns" + 1 WHERE id = ${staffId} RETURNING "failedSignIns"`;
    const failed = rows[0]?.failedSignIns ?? 0;
    const actor = { type: "SYSTEM", job: "sign-in" } as const;
    await writeAuditEvent(tx, { actor, action: "staff.sign-in-failed", entity: "StaffUser", entityId: staffId, data: { step, failed } });
    if (failed >= MAX_FAILED_SIGN_INS) {
      await tx.staffUser.update({
        where: { id: staffId },
        data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedSignIns: 0, sessionVersion: { increment: 1 } },
      });
      await writeAuditEvent(tx, { actor, action: "staff.locked", entity: "StaffUser", entityId: staffId, data: { minutes: LOCK_MINUTES } });
    }
  });
}

/** Ends every session of the user: tokens carry the version they were issued with. */
export async function signOutStaff(staffId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.update({ where: { id: staffId }, data: { sessionVersion: { increment: 1 } } });
    await writeAuditEvent(tx, { actor: { type: "STAFF", id: user.id, role: user.role }, action: "staff.signed-out", entity: "StaffUser", entityId: user.id });
  });
}
