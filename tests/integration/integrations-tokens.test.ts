import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createStaff, seedDataMap } from "@/tests/helpers/request-fixtures";
import {
  assertScope,
  authenticateApiToken,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/integrations/api-tokens";
import { sha256Hex } from "@/lib/server/crypto";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("API tokens", () => {
  beforeEach(resetDatabase);

  it("are shown once, stored only as a hash, and authenticate as the system's actor", async () => {
    const admin = await createStaff("ADMIN");
    const systems = await seedDataMap();
    const billing = systems.billing ?? "";
    const issued = await issueApiToken({
      actor: admin,
      input: { systemId: billing, name: "billing batch", scopes: ["tasks:write", "tasks:read", "tasks:read"] },
    });
    expect(issued.token).toMatch(/^mdg_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(issued.prefix)).toBe(true);

    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(sha256Hex(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(row.scopes).toEqual(["tasks:read", "tasks:write"]);

    const listed = await listApiTokens({ actor: admin, input: { systemId: billing } });
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0] ?? {})).not.toContain("tokenHash");

    const auth = await authenticateApiToken(`Bearer ${issued.token}`);
    expect(auth).toEqual({
      actor: { type: "API_TOKEN", id: issued.id, systemId: billing },
      scopes: ["tasks:read", "tasks:write"],
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "api_token.issued" } });
    expect(JSON.stringify(audit.data)).not.toContain(issued.token);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("refuses missing, malformed, unknown and revoked tokens alike, and scopes are enforced", async () => {
    const admin = await createStaff("ADMIN");
    const systems = await seedDataMap();
    const issued = await issueApiToken({
      actor: admin,
      input: { systemId: systems.billing ?? "", name: "reader", scopes: ["tasks:read"] },
    });
    for (const header of [
      null,
      "",
      "Basic abc",
      "Bearer",
      `Bearer ${issued.token}x`,
      `Token ${issued.token}`,
      "Bearer mdg_unknown",
    ]) {
      await expect(authenticateApiToken(header)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const auth = await authenticateApiToken(`bearer ${issued.token}`);
    expect(() => assertScope(auth, "tasks:read")).not.toThrow();
    expect(() => assertScope(auth, "tasks:write")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));

    await revokeApiToken({ actor: admin, input: { tokenId: issued.id } });
    await revokeApiToken({ actor: admin, input: { tokenId: issued.id } });
    await expect(authenticateApiToken(`Bearer ${issued.token}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await prisma.auditEvent.count({ where: { action: "api_token.revoked" } })).toBe(1);
  });

  it("records the last use at most once a minute", async () => {
    const admin = await createStaff("ADMIN");
    const systems = await seedDataMap();
    const issued = await issueApiToken({
      actor: admin,
      input: { systemId: systems.billing ?? "", name: "poller", scopes: ["tasks:read"] },
    });
    const t0 = new Date("2026-11-29T01:00:00Z");
    await authenticateApiToken(`Bearer ${issued.token}`, t0);
    await authenticateApiToken(`Bearer ${issued.token}`, new Date(t0.getTime() + 30_000));
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(`Bearer ${issued.token}`, t2);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(t2);
  });

  it("only admins issue, list and revoke tokens; bad input writes nothing", async () => {
    const officer = await createStaff("OFFICER");
    const admin = await createStaff("ADMIN");
    const systems = await seedDataMap();
    const input = { systemId: systems.billing ?? "", name: "x", scopes: ["tasks:read" as const] };
    await expect(issueApiToken({ actor: officer, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(issueApiToken({ actor: null, input })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listApiTokens({ actor: officer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken({ actor: officer, input: { tokenId: "x" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(issueApiToken({ actor: admin, input: { ...input, name: " ", scopes: [] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: ["errors.required"], scopes: ["integrations.errors.scopesRequired"] },
    });
    await expect(issueApiToken({ actor: admin, input: { ...input, systemId: "nope" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await prisma.apiToken.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });
});
