import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Actor, StaffActor } from "@/lib/audit/actor";

// Permissions are typed strings "action:entity"; roles grant sets of them. Every
// domain function checks one on the server; the UI only mirrors the same check.
const staffPermissions = [
  "read:request",
  "write:request",
  "verify:identity",
  "decide:request",
  "publish:package",
  "send:notice",
  "work:task",
  "create:request",
  "read:document",
  "read:fee",
  "write:provision-record",
  "read:provision-record",
  "read:report",
] as const;

const officerPermissions = [...staffPermissions, "approve:decision", "hold:request"] as const;

const adminPermissions = [
  ...officerPermissions,
  "manage:staff",
  "manage:settings",
  "manage:data-map",
  "manage:api-token",
  "record:payment",
  "waive:fee",
  "refund:fee",
  "import:bank-statement",
  "export:data",
  "read:mail-viewer",
  "read:audit",
] as const;

export type Permission = (typeof adminPermissions)[number];

const grants: Record<Role, ReadonlySet<Permission>> = {
  STAFF: new Set<Permission>(staffPermissions),
  OFFICER: new Set<Permission>(officerPermissions),
  ADMIN: new Set<Permission>(adminPermissions),
};

export function roleHas(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

/** Narrows an actor to staff holding the permission, or throws. */
export function assertPermission(actor: Actor | null | undefined, permission: Permission): asserts actor is StaffActor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.type !== "STAFF") throw new AppError("FORBIDDEN", `actor ${actor.type} lacks ${permission}`);
  if (!roleHas(actor.role, permission)) throw new AppError("FORBIDDEN", `role ${actor.role} lacks ${permission}`);
}
