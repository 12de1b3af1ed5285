import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { seedSystems } from "./data-map";

export const demoStaff = [
  { email: "admin@madoguchi.example", name: "管理 花子", role: "ADMIN" },
  { email: "officer@madoguchi.example", name: "責任 一郎", role: "OFFICER" },
  { email: "staff@madoguchi.example", name: "担当 太郎", role: "STAFF" },
] as const;

/** Local use only: printed by the seed and written in the README. */
export const DEMO_PASSWORD = "madoguchi-demo-2026";

function policyText(locale: "ja" | "en"): string {
  return fs.readFileSync(path.join(process.cwd(), "content", `privacy-policy.${locale}.txt`), "utf8");
}

/** What every installation needs: the policy version requests are filed under. */
export async function seedBase(prisma: PrismaClient): Promise<void> {
  const existing = await prisma.policyVersion.count();
  if (existing > 0) return;
  await prisma.$transaction(async (tx) => {
    const v = await tx.policyVersion.create({
      data: {
        version: "1.0",
        effectiveDate: new Date("2026-04-01"),
        textJa: policyText("ja"),
        textEn: policyText("en"),
      },
    });
    await writeAuditEvent(tx, {
      actor: systemActor("seed"),
      action: "policy.version_added",
      entity: "PolicyVersion",
      entityId: v.id,
    });
  });
}

export type DemoSeedResult = { created: boolean; staff: { email: string; role: string }[] };

/** Demo staff and the data map; only for the embedded database or when asked for. */
export async function seedDemo(prisma: PrismaClient): Promise<DemoSeedResult> {
  if ((await prisma.staffUser.count()) > 0) return { created: false, staff: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    for (const s of seedSystems) {
      const system = await tx.systemOfRecord.create({ data: { ...s, categories: [...s.categories] } });
      await writeAuditEvent(tx, {
        actor: systemActor("seed"),
        action: "data_map.system_added",
        entity: "SystemOfRecord",
        entityId: system.id,
      });
    }
    for (const s of demoStaff) {
      const user = await tx.staffUser.create({ data: { ...s, passwordHash } });
      await writeAuditEvent(tx, {
        actor: systemActor("seed"),
        action: "staff.created",
        entity: "StaffUser",
        entityId: user.id,
        data: { role: s.role },
      });
    }
  });
  return { created: true, staff: demoStaff.map((s) => ({ email: s.email, role: s.role })) };
}
