import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { openString, randomToken, sealString, sha256Hex } from "@/lib/server/crypto";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptTotp, newTotpSecret, totpEnrolment, type TotpEnrolment } from "./totp";
import { codeStepSchema, passwordStepSchema } from "./staff-schemas";
import { admitSignInAttempt, redeemSignInAttempt, throttleKeys, withHashingSlot } from "./sign-in-throttle";

// Sign-in is two steps: a password, then a TOTP code (enrolled on the first sign-in).
// The step between them is a short-lived challenge row, so a correct password alone
// never yields a session. Failures are throttled, never locked (ADR 0015): a password
// attempt must be admitted by the per-account, per-client and per-pair counters, and only
// a complete sign-in redeems it. Unknown, inactive and wrong-password answers are alike.

const CHALLENGE_MINUTES = 5;
const MAX_CODE_ATTEMPTS = 5;

// A real hash to verify against when the email is unknown, so both paths take as long.
let dummyHash: Promise<string> | undefined;

export type PasswordStepResult = { challenge: string; enrolment: TotpEnrolment | null };

export async function beginSignIn(
  raw: unknown,
  opts: { clientKey?: string; now?: Date } = {},
): Promise<PasswordStepResult> {
  const now = opts.now ?? new Date();
  const input = parseInput(passwordStepSchema, raw, "sign-in");
  // Before any lookup or hashing, and for the email as typed: known or not, throttled alike.
  await admitSignInAttempt(throttleKeys(input.email, opts.clientKey), { now });
  const staff = await prisma.staffUser.findUnique({ where: { email: input.email } });
  if (!staff?.active || !staff.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    const hash = await dummyHash;
    await withHashingSlot(() => verifyPassword(hash, input.password));
    throw new AppError("UNAUTHENTICATED", "unknown or inactive account");
  }

  const passwordHash = staff.passwordHash;
  if (!(await withHashingSlot(() => verifyPassword(passwordHash, input.password)))) {
    await recordFailure(staff.id, "password");
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
        clientKey: opts.clientKey ?? null,
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
  const challenge = await prisma.signInChallenge.findUnique({
    where: { tokenHash: sha256Hex(input.challenge) },
    include: { staff: true },
  });
  if (!challenge || challenge.consumedAt || challenge.expiresAt <= now || challenge.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError("CODE_EXPIRED", "challenge missing, used or expired");
  }
  const { staff } = challenge;
  if (!staff.active) throw new AppError("UNAUTHENTICATED", "inactive");
  const sealed = challenge.pendingSecret ?? staff.totpSecret;
  if (!sealed) throw new AppError("CODE_EXPIRED", "no secret");

  // A code of a step already used (or older) is refused like a wrong one: no replay.
  const step = acceptTotp(input.code, openString(sealed), now);
  const fresh =
    step !== null && (challenge.pendingSecret ? true : staff.totpLastStep === null || step > staff.totpLastStep);
  if (step === null || !fresh) {
    await prisma.signInChallenge.update({ where: { id: challenge.id }, data: { attempts: { increment: 1 } } });
    await recordFailure(staff.id, step === null ? "code" : "code-replayed");
    throw new AppError("CODE_INVALID");
  }

  return prisma.$transaction(async (tx) => {
    // Consuming with a guard makes a replayed challenge fail even under a race.
    const consumed = await tx.signInChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null },
      data: { consumedAt: now },
    });
    if (consumed.count !== 1) throw new AppError("CODE_EXPIRED", "challenge raced");
    const enrolling = Boolean(challenge.pendingSecret);
    // The step is claimed with a guard, so two sign-ins racing with one code cannot both win.
    const claimed = enrolling
      ? 1
      : await tx.$executeRaw`UPDATE "StaffUser" SET "totpLastStep" = ${step} WHERE id = ${staff.id} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
    if (claimed !== 1) throw new AppError("CODE_INVALID", "step raced");
    const user = await tx.staffUser.update({
      where: { id: staff.id },
      data: {
        failedSignIns: 0,
        lastSignInAt: now,
        ...(enrolling ? { totpSecret: challenge.pendingSecret, totpEnrolledAt: now, totpLastStep: step } : {}),
      },
    });
    await redeemSignInAttempt(throttleKeys(staff.email, challenge.clientKey ?? undefined), { now, db: tx });
    const actor = { type: "STAFF", id: staff.id, role: staff.role } as const;
    if (enrolling)
      await writeAuditEvent(tx, { actor, action: "staff.totp-enrolled", entity: "StaffUser", entityId: staff.id });
    await writeAuditEvent(tx, { actor, action: "staff.signed-in", entity: "StaffUser", entityId: staff.id });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  });
}

/** Audited only: failures are throttled by admission (sign-in-throttle.ts), never locked. */
async function recordFailure(staffId: string, step: "password" | "code" | "code-replayed"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // Increment in SQL so concurrent failures all count (shown to admins, never enforced).
    const rows = await tx.$queryRaw<{ failedSignIns: number }[]>`
      UPDATE "StaffUser" SET "failedSignIns" = "failedSignIns" + 1 WHERE id = ${staffId} RETURNING "failedSignIns"`;
    const failed = rows[0]?.failedSignIns ?? 0;
    await writeAuditEvent(tx, {
      actor: { type: "SYSTEM", job: "sign-in" },
      action: "staff.sign-in-failed",
      entity: "StaffUser",
      entityId: staffId,
      data: { step, failed },
    });
  });
}

/** Ends every session of the user: tokens carry the version they were issued with. */
export async function signOutStaff(staffId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.update({ where: { id: staffId }, data: { sessionVersion: { increment: 1 } } });
    await writeAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id, role: user.role },
      action: "staff.signed-out",
      entity: "StaffUser",
      entityId: user.id,
    });
  });
}
