import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { updateSettings } from "@/lib/settings/update-settings";
import { getSetting, getSettings } from "@/lib/settings/get-settings";
import { defaultSettings } from "@/lib/settings/settings-schema";
import type { StaffActor } from "@/lib/audit/actor";

const admin: StaffActor = { type: "STAFF", id: "admin-1", role: "ADMIN" };
const officer: StaffActor = { type: "STAFF", id: "officer-1", role: "OFFICER" };

describe("operator settings", () => {
  beforeEach(resetDatabase);

  it("defaults to the privacy policy's values", async () => {
    const s = await getSettings(prisma);
    expect(s.fee.amount).toBe(5500);
    expect(s.operator.postalCode).toBe("542-0081");
    expect(s.deadlines.targetDays).toBe(14);
  });

  it("saves a change and audits who changed what from what to what", async () => {
    await updateSettings({ actor: admin, key: "fee", value: { ...defaultSettings.fee, amount: 3300 } });
    expect((await getSetting(prisma, "fee")).amount).toBe(3300);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.updated" } });
    expect(audit.actorId).toBe("admin-1");
    expect(audit.data).toEqual({ changes: { amount: { old: 5500, new: 3300 } } });
  });

  it("refuses invalid values with field errors and changes nothing", async () => {
    const err = await updateSettings({ actor: admin, key: "fee", value: { ...defaultSettings.fee, amount: -1 } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "INVALID_INPUT" });
    expect(await prisma.setting.count()).toBe(0);
  });

  it("is for admins only", async () => {
    await expect(
      updateSettings({ actor: officer, key: "deadlines", value: defaultSettings.deadlines }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateSettings({ actor: null, key: "deadlines", value: defaultSettings.deadlines }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
