import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createStaff, seedDataMap } from "@/tests/helpers/request-fixtures";
import { listDataMapOverview, readSystemIntegration, saveSystemOfRecord } from "@/lib/integrations/data-map-overview";
import { setWebhookEndpoint } from "@/lib/integrations/webhook-endpoint";
import { issueApiToken } from "@/lib/integrations/api-tokens";

describe("data map page reads and save", () => {
  beforeEach(resetDatabase);

  it("saving a system keeps its webhook URL and secret; reads never show the secret", async () => {
    const admin = await createStaff("ADMIN");
    const systems = await seedDataMap();
    const billing = systems.billing ?? "";
    const { secret } = await setWebhookEndpoint({
      actor: admin,
      input: { systemId: billing, webhookUrl: "https://billing.example.jp/hooks" },
    });
    const before = await prisma.systemOfRecord.findUniqueOrThrow({ where: { id: billing } });
    await saveSystemOfRecord({
      actor: admin,
      input: {
        id: billing,
        key: "billing",
        nameJa: "課金",
        nameEn: "Billing",
        owner: "財務部",
        categories: [4, 1],
        handling: "API",
      },
    });
    const after = await prisma.systemOfRecord.findUniqueOrThrow({ where: { id: billing } });
    expect(after).toMatchObject({
      owner: "財務部",
      categories: [1, 4],
      handling: "API",
      webhookUrl: "https://billing.example.jp/hooks",
      webhookSecret: before.webhookSecret,
    });

    const read = await readSystemIntegration({ actor: admin, systemId: billing });
    expect(read).toMatchObject({
      key: "billing",
      hasWebhookSecret: true,
      webhookUrl: "https://billing.example.jp/hooks",
    });
    expect(JSON.stringify(read)).not.toContain(String(before.webhookSecret));
    expect(JSON.stringify(read)).not.toContain(String(secret));
    await expect(readSystemIntegration({ actor: admin, systemId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const { id } = await saveSystemOfRecord({
      actor: admin,
      input: { key: "crm", nameJa: "顧客管理", nameEn: "CRM", owner: "営業部", categories: [1] },
    });
    expect(await prisma.systemOfRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({
      webhookUrl: null,
      handling: "MANUAL",
    });
  });

  it("lists every system with its open work, active tokens and failed deliveries, for admins only", async () => {
    const admin = await createStaff("ADMIN");
    const officer = await createStaff("OFFICER");
    const systems = await seedDataMap();
    const billing = systems.billing ?? "";
    const t = await issueApiToken({ actor: admin, input: { systemId: billing, name: "a", scopes: ["tasks:read"] } });
    await issueApiToken({ actor: admin, input: { systemId: billing, name: "b", scopes: ["tasks:read"] } });
    await prisma.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
    await prisma.webhookDelivery.create({
      data: { systemId: billing, eventId: "evt_1", event: "task.created", payload: {}, status: "FAILED" },
    });
    await prisma.systemOfRecord.update({ where: { id: systems.partners ?? "" }, data: { active: false } });
    const rows = await listDataMapOverview({ actor: admin });
    expect(rows).toHaveLength(8);
    expect(rows.at(-1)?.key).toBe("partners");
    expect(rows.find((r) => r.id === billing)).toMatchObject({ activeTokens: 1, failedDeliveries: 1, openTasks: 0 });
    expect(Object.keys(rows[0] ?? {})).not.toContain("webhookSecret");
    await expect(listDataMapOverview({ actor: officer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveSystemOfRecord({
        actor: officer,
        input: { key: "x1", nameJa: "x", nameEn: "x", owner: "x", categories: [2] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
