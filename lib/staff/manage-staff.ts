import { DAY_MS } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertPermission } from "@/lib/server/permissions";
import { hashPassword } from "@/lib/server/password";
import { randomToken, sha256Hex } from "@/lib/server/crypto";
import { env } from "@/lib/server/env";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/audit/actor";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { getSetting } from "@/lib/settings/get-settings";
import { changeRoleSchema, inviteStaffSchema, newPasswordSchema, staffIdSchema } from "./staff-schemas";
import { staffInviteMail } from "./staff-mail";
import { accountThrottledUntil, clearAccountThrottle } from "./sign-in-throttle";

const INVITE_DAYS = 7;

export type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: "STAFF" | "OFFICER" | "ADMIN";
  active: boolean;
  invited: boolean;
  totpEnrolled: boolean;
  locked: boolean;
  lastSignInAt: Date | null;
};

export async function listStaff(opts: { actor: Actor | null; now?: Date }): Promise<StaffRow[]> {
  assertPermission(opts.actor, "manage:staff");
  const now = opts.now ?? new Date();
  const rows = await prisma.staffUser.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] });
  // "Locked" now means the account's sign-in throttle is closed (ADR 0015); nothing locks for long.
  const throttled = new Set<string>();
  for (const s of rows) if (await accountThrottledUntil(s.email, { now })) throttled.add(s.id);
  return rows.map((s) => ({
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    active: s.active,
    invited: !s.passwordHash,
    totpEnrolled: Boolean(s.totpEnrolledAt),
    locked: throttled.has(s.id),
    lastSignInAt: s.lastSignInAt,
  }));
}

export async function inviteStaff(opts: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:staff");
  const input = parseInput(inviteStaffSchema, opts.input, "invite");
  const token = randomToken();
  return prisma.$transaction(async (tx) => {
    const existing = await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "email in use", { email: ["errors.emailInUse"] });
    const user = await tx.staffUser.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        inviteTokenHash: sha256Hex(token),
        inviteExpiresAt: new Date(Date.now() + INVITE_DAYS * DAY_MS),
      },
      select: { id: true, locale: true },
    });
    const operator = await getSetting(tx, "operator");
    await enqueueMail(tx, {
      to: input.email,
      kind: "staff.invite",
      ...staffInviteMail({
        locale: user.locale,
        name: input.name,
        url: `${env().APP_URL}/console/invite/${token}`,
        days: INVITE_DAYS,
        operator,
      }),
    });
    await writeAuditEvent(tx, {
      actor,
      action: "staff.invited",
      entity: "StaffUser",
      entityId: user.id,
      data: { role: input.role },
    });
    return { id: user.id };
  });
}

/** Sets the password from an invitation link; TOTP is enrolled at the first sign-in. */
export async function acceptInvite(raw: unknown, now = new Date()): Promise<{ email: string }> {
  const input = parseInput(newPasswordSchema, raw, "accept invite");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { inviteTokenHash: sha256Hex(input.token) } });
    if (!user?.active || !user.inviteExpiresAt || user.inviteExpiresAt <= now)
      throw new AppError("CODE_EXPIRED", "invite invalid or expired");
    await tx.staffUser.update({
      where: { id: user.id },
      data: { passwordHash, inviteTokenHash: null, inviteExpiresAt: null },
    });
    await writeAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id, role: user.role },
      action: "staff.invite-accepted",
      entity: "StaffUser",
      entityId: user.id,
    });
    return { email: user.email };
  });
}

export async function inviteIsValid(token: string, now = new Date()): Promise<boolean> {
  const user = await prisma.staffUser.findUnique({
    where: { inviteTokenHash: sha256Hex(token) },
    select: { active: true, inviteExpiresAt: true },
  });
  return Boolean(user?.active && user.inviteExpiresAt && user.inviteExpiresAt > now);
}

/** The desk must never lose its last administrator. */
async function assertAnotherAdminRemains(tx: Tx, staffId: string): Promise<void> {
  const others = await tx.staffUser.count({ where: { role: "ADMIN", active: true, id: { not: staffId } } });
  if (others === 0) throw new AppError("INVALID_STATE", "last admin", { _form: ["errors.lastAdmin"] });
}

export async function changeStaffRole(opts: { actor: Actor | null; input: unknown }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "manage:staff");
  const input = parseInput(changeRoleSchema, opts.input, "change role");
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.staffId } });
    if (!user) throw new AppError("NOT_FOUND");
    if (user.role === input.role) return;
    if (user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    // A new role takes effect at once: old sessions end and the user signs in again.
    await tx.staffUser.update({ where: { id: user.id }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await writeAuditEvent(tx, {
      actor,
      action: "staff.role-changed",
      entity: "StaffUser",
      entityId: user.id,
      data: { from: user.role, to: input.role },
    });
  });
}

export async function setStaffActive(opts: { actor: Actor | null; input: unknown; active: boolean }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "manage:staff");
  const input = parseInput(staffIdSchema, opts.input, "deactivate");
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.staffId } });
    if (!user) throw new AppError("NOT_FOUND");
    if (user.active === opts.active) return;
    if (!opts.active && user.id === actor.id)
      throw new AppError("INVALID_STATE", "self", { _form: ["errors.cannotDeactivateSelf"] });
    if (!opts.active && user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.staffUser.update({
      where: { id: user.id },
      data: { active: opts.active, sessionVersion: { increment: 1 } },
    });
    await writeAuditEvent(tx, {
      actor,
      action: opts.active ? "staff.reactivated" : "staff.deactivated",
      entity: "StaffUser",
      entityId: user.id,
    });
  });
}

export async function unlockStaff(opts: { actor: Actor | null; input: unknown }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "manage:staff");
  const input = parseInput(staffIdSchema, opts.input, "unlock");
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.staffId }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND");
    await tx.staffUser.update({ where: { id: input.staffId }, data: { lockedUntil: null, failedSignIns: 0 } });
    await clearAccountThrottle(tx, user.email);
    await writeAuditEvent(tx, { actor, action: "staff.unlocked", entity: "StaffUser", entityId: input.staffId });
  });
}

/** For a lost phone: the user enrols a new authenticator at the next sign-in. */
export async function resetStaffTotp(opts: { actor: Actor | null; input: unknown }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "manage:staff");
  const input = parseInput(staffIdSchema, opts.input, "reset totp");
  await prisma.$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: input.staffId },
      data: { totpSecret: null, totpEnrolledAt: null, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await writeAuditEvent(tx, { actor, action: "staff.totp-reset", entity: "StaffUser", entityId: input.staffId });
  });
}
