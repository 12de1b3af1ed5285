import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { settingsValueFromForm } from "@/lib/settings/settings-fields";
import { updateSettings } from "@/lib/settings/update-settings";
import { getSetting } from "@/lib/settings/get-settings";
import { addPolicyVersion } from "@/lib/settings/policy-versions";
import { currentPolicy } from "@/lib/policy/current-policy";
import { updateStaffPreferences } from "@/lib/staff/preferences";
import type { StaffActor } from "@/lib/audit/actor";

const admin: StaffActor = { type: "STAFF", id: "admin-1", role: "ADMIN" };
const ja = fs.readFileSync("content/privacy-policy.ja.txt", "utf8");
const en = fs.readFileSync("content/privacy-policy.en.txt", "utf8");

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("settings page", () => {
  beforeEach(resetDatabase);

  it("turns the posted fee form into the nested group, full-width digits included, and saves it", async () => {
    const value = settingsValueFromForm(
      "fee",
      form([
        ["amount", "３３００"],
        ["taxRatePct", "10"],
        ["bank.bankName", "みずほ銀行"],
        ["bank.branchName", "船場支店"],
        ["bank.accountType", "ordinary"],
        ["bank.accountNumber", "1234567"],
        ["bank.accountHolderKana", "カ）アズポケット"],
        ["methods", "BANK_TRANSFER"],
        ["methods", "CASH"],
        ["reminderAfterDays", "7"],
        ["abandonAfterDays", "30"],
      ]),
    );
    expect(value).toMatchObject({
      amount: 3300,
      bank: { accountNumber: "1234567" },
      methods: ["BANK_TRANSFER", "CASH"],
    });
    await updateSettings({ actor: admin, key: "fee", value });
    expect((await getSetting(prisma, "fee")).amount).toBe(3300);
  });

  it("names the field for a non-number and an empty method list, and saves nothing", async () => {
    const value = settingsValueFromForm(
      "deadlines",
      form([
        ["targetDays", "abc"],
        ["dueSoonDays", "3"],
        ["waitForRequesterDays", "30"],
        ["certificateFreshnessMonths", "3"],
      ]),
    );
    await expect(updateSettings({ actor: admin, key: "deadlines", value })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { targetDays: ["errors.number"] },
    });
    const delivery = settingsValueFromForm("delivery", form([["downloadLinkDays", "14"]]));
    await expect(updateSettings({ actor: admin, key: "delivery", value: delivery })).rejects.toMatchObject({
      fieldErrors: { methods: ["errors.required"] },
    });
    expect(await prisma.setting.count()).toBe(0);
  });

  it("adds a policy version that shows from its effective date and keeps the old one", async () => {
    await prisma.policyVersion.create({
      data: { version: "1.0", effectiveDate: new Date("2026-04-01"), textJa: ja, textEn: en },
    });
    await addPolicyVersion({
      actor: admin,
      input: { version: "2.0", effectiveDate: "2027-01-01", textJa: ja.replace("当社", "弊社"), textEn: en },
    });
    expect((await currentPolicy(prisma, "ja", new Date("2026-12-01"))).version).toBe("1.0");
    expect((await currentPolicy(prisma, "ja", new Date("2027-01-02"))).version).toBe("2.0");
    await expect(
      addPolicyVersion({
        actor: admin,
        input: { version: "2.0", effectiveDate: "2027-02-01", textJa: ja, textEn: en },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addPolicyVersion({
        actor: admin,
        input: { version: "3.0", effectiveDate: "2027-02-01", textJa: "短い本文", textEn: en },
      }),
    ).rejects.toMatchObject({ fieldErrors: { textJa: ["errors.policyArticles"] } });
    await expect(addPolicyVersion({ actor: { ...admin, role: "OFFICER" }, input: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await prisma.policyVersion.count()).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "policy.version-added" } })).toBe(1);
  });

  it("lets staff set their own language and digest", async () => {
    const u = await prisma.staffUser.create({ data: { email: "s@example.jp", name: "s", role: "STAFF" } });
    await updateStaffPreferences({
      actor: { type: "STAFF", id: u.id, role: "STAFF" },
      input: { locale: "en", digestEnabled: false },
    });
    expect(await prisma.staffUser.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      locale: "en",
      digestEnabled: false,
    });
    await expect(
      updateStaffPreferences({ actor: null, input: { locale: "en", digestEnabled: false } }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
