import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor, ApiTokenActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { randomToken, sha256Hex } from "@/lib/server/crypto";
import { idSchema } from "@/lib/requests/shared-schemas";

// Tokens for systems of record (issue 9). The token itself is shown once; only its
// SHA-256 is kept (it has 256 bits of entropy, so a plain hash is enough and lets the
// lookup be an index hit). The visible prefix lets admins tell tokens apart.

export const apiScopes = ["tasks:read", "tasks:write"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const TOKEN_PREFIX = "mdg_";
const VISIBLE_CHARS = 12;
/** lastUsedAt is written at most this often per token, so a busy poller costs no writes. */
const LAST_USED_THROTTLE_MS = 60_000;

export const issueApiTokenSchema = z.object({
  systemId: idSchema,
  name: z.string().trim().min(1, { message: "errors.required" }).max(80, { message: "errors.tooLong" }),
  scopes: z.array(z.enum(apiScopes)).min(1, { message: "integrations.errors.scopesRequired" }),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenSchema>;

export async function issueApiToken(opts: {
  actor: Actor | null;
  input: IssueApiTokenInput;
}): Promise<{ id: string; token: string; prefix: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:api-token");
  const q = parseInput(issueApiTokenSchema, opts.input, "api token");
  const scopes = apiScopes.filter((s) => q.scopes.includes(s));
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = token.slice(0, VISIBLE_CHARS);
  return prisma.$transaction(async (tx) => {
    const system = await tx.systemOfRecord.findUnique({ where: { id: q.systemId }, select: { id: true } });
    if (!system) throw new AppError("NOT_FOUND", "system", { systemId: ["console.errors.unknownSystem"] });
    const row = await tx.apiToken.create({
      data: { systemId: system.id, name: q.name, prefix, tokenHash: sha256Hex(token), scopes, createdById: actor.id },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "api_token.issued",
      entity: "ApiToken",
      entityId: row.id,
      data: { systemId: system.id, scopes },
    });
    return { id: row.id, token, prefix };
  });
}

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

/** Revoking is immediate and final; revoking twice is a no-op. */
export async function revokeApiToken(opts: {
  actor: Actor | null;
  input: RevokeApiTokenInput;
  now?: Date;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:api-token");
  const q = parseInput(revokeApiTokenSchema, opts.input, "api token");
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({
      where: { id: q.tokenId },
      select: { id: true, systemId: true, revokedAt: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "api token");
    if (row.revokedAt) return { id: row.id };
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: opts.now ?? new Date() } });
    await writeAuditEvent(tx, {
      actor,
      action: "api_token.revoked",
      entity: "ApiToken",
      entityId: row.id,
      data: { systemId: row.systemId },
    });
    return { id: row.id };
  });
}

export type ApiTokenSummary = {
  id: string;
  systemId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Tokens for the console, newest first; never the hash. */
export async function listApiTokens(opts: {
  actor: Actor | null;
  input?: { systemId?: string };
}): Promise<ApiTokenSummary[]> {
  assertPermission(opts.actor, "manage:api-token");
  return prisma.apiToken.findMany({
    where: opts.input?.systemId ? { systemId: opts.input.systemId } : {},
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      systemId: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}

export type ApiTokenAuth = { actor: ApiTokenActor; scopes: ApiScope[] };

/**
 * "Authorization: Bearer mdg_…" → the token's actor. Missing, malformed, unknown and
 * revoked tokens are all the same 401, so a caller learns nothing about which it was.
 */
export async function authenticateApiToken(
  authorization: string | null | undefined,
  now = new Date(),
): Promise<ApiTokenAuth> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX) || token.length > 200) throw new AppError("UNAUTHENTICATED", "api token");
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, systemId: true, scopes: true, revokedAt: true },
  });
  if (!row || row.revokedAt) throw new AppError("UNAUTHENTICATED", "api token");
  await prisma.apiToken.updateMany({
    where: {
      id: row.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_THROTTLE_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return {
    actor: { type: "API_TOKEN", id: row.id, systemId: row.systemId },
    scopes: apiScopes.filter((s) => row.scopes.includes(s)),
  };
}

/** A valid token without the scope an endpoint needs is refused with 403. */
export function assertScope(auth: ApiTokenAuth, scope: ApiScope): void {
  if (!auth.scopes.includes(scope)) throw new AppError("FORBIDDEN", `token lacks ${scope}`);
}
