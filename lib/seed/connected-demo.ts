import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sealString, sha256Hex } from "@/lib/server/crypto";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { demoMapYaml, ensureDemoTarget } from "@/lib/connected/demo";
import { closeConnectedResources } from "@/lib/connected/engine";

export const DEMO_CONNECTED_KEY = "service-db";

/** The embedded demo target (PGlite, no server) beside the app's own embedded database. */
export function demoTargetUrl(appDataDir: string): string {
  const base = appDataDir.startsWith("memory://") ? path.join(process.cwd(), ".data") : path.dirname(appDataDir);
  return `pglite:${path.join(base, "demo-target")}`;
}

/**
 * The connected demo system (issue 14): a sample service database whose people are the ones
 * the demo requests name, wired as a CONNECTED system with the demo dataset map. Idempotent.
 * The demo target is opened and closed here, so the server can open it afterwards.
 */
export async function seedConnectedDemo(prisma: PrismaClient, opts: { targetUrl: string }): Promise<boolean> {
  const conn = { dialect: "postgres" as const, url: opts.targetUrl };
  try {
    await ensureDemoTarget(conn);
  } finally {
    await closeConnectedResources();
  }
  if (await prisma.systemOfRecord.findUnique({ where: { key: DEMO_CONNECTED_KEY }, select: { id: true } }))
    return false;
  const yaml = demoMapYaml("postgres");
  await prisma.$transaction(async (tx) => {
    const system = await tx.systemOfRecord.create({
      data: {
        key: DEMO_CONNECTED_KEY,
        nameJa: "会員サービス DB（接続デモ）",
        nameEn: "Member service DB (connected demo)",
        owner: "サービス開発部",
        categories: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        handling: "CONNECTED",
      },
    });
    // The demo uses one URL for reading and writing; a real installation gives two roles (docs/connected-databases.md).
    await tx.connectedSystem.create({
      data: {
        systemId: system.id,
        dialect: "postgres",
        readUrlSealed: sealString(opts.targetUrl),
        writeUrlSealed: sealString(opts.targetUrl),
        target: "embedded demo database",
        mapYaml: yaml,
        mapSha256: sha256Hex(yaml),
        mapUpdatedAt: new Date(),
      },
    });
    await writeAuditEvent(tx, {
      actor: systemActor("seed"),
      action: "data_map.system_added",
      entity: "SystemOfRecord",
      entityId: system.id,
      data: { key: DEMO_CONNECTED_KEY, handling: "CONNECTED" },
    });
  });
  return true;
}
