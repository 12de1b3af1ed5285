import { DAY_MS } from "@/lib/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { nextReference } from "@/lib/requests/next-reference";
import { transferReferenceFor } from "@/lib/fees/transfer-reference";

type DemoRequest = Omit<Prisma.RequestUncheckedCreateInput, "reference" | "arrivedAt" | "targetDays"> & {
  daysAgo: number;
};

// Fictional people in several states, so the console has something to show locally.
// `details` follow lib/requests' schemas (see parseStoredDetails).
export const demoRequests: DemoRequest[] = [
  {
    daysAgo: 2,
    type: "DISCLOSURE",
    status: "RECEIVED",
    identity: "PENDING",
    fee: "AWAITING_PAYMENT",
    subjectName: "山田 花子",
    subjectNameKana: "ヤマダ ハナコ",
    email: "hanako.yamada@example.com",
    emailNormalized: "hanako.yamada@example.com",
    postalCode: "530-0001",
    prefecture: "大阪府",
    city: "大阪市北区",
    addressLine: "梅田1-1-1",
    relationship: "SERVICE_USER",
    feeAmount: 5500,
    feeTaxAmount: 500, // the transfer reference follows from the reference (D2026000123), as for any request
    details: {
      categories: [1, 2, 4],
      period: { from: "2024-01-01", to: "2026-10-31" },
      deliveryMethod: "ELECTRONIC",
      includeProvisionRecords: true,
      documentsByPost: false,
    },
  },
  {
    daysAgo: 9,
    type: "CORRECTION",
    status: "IN_PROGRESS",
    identity: "VERIFIED",
    fee: "NOT_REQUIRED",
    subjectName: "佐藤 健",
    subjectNameKana: "サトウ ケン",
    email: "ken.sato@example.com",
    emailNormalized: "ken.sato@example.com",
    postalCode: "150-0002",
    prefecture: "東京都",
    city: "渋谷区",
    addressLine: "渋谷2-2-2",
    relationship: "SERVICE_USER",
    details: {
      action: "CORRECT",
      items: [{ category: 1, current: "東京都渋谷区渋谷2-2-20", corrected: "東京都渋谷区渋谷2-2-2" }],
      documentsByPost: false,
    },
  },
  {
    daysAgo: 16,
    type: "SUSPENSION",
    status: "WAITING_FOR_REQUESTER",
    identity: "PENDING",
    fee: "NOT_REQUIRED",
    subjectName: "鈴木 一郎",
    subjectNameKana: "スズキ イチロウ",
    email: "ichiro.suzuki@example.com",
    emailNormalized: "ichiro.suzuki@example.com",
    relationship: "SITE_VISITOR",
    requesterKind: "APPOINTED_AGENT",
    agentName: "高橋 法律事務所",
    agentEmail: "office@takahashi-law.example.com",
    details: { categories: [6], ground: "BEYOND_PURPOSE", purpose: 10, wanted: "SUSPEND_USE", documentsByPost: true },
  },
  {
    daysAgo: 1,
    type: "INQUIRY",
    status: "RECEIVED",
    identity: "NOT_REQUIRED",
    fee: "NOT_REQUIRED",
    subjectName: "田中 美咲",
    email: "misaki.tanaka@example.com",
    emailNormalized: "misaki.tanaka@example.com",
    details: { topic: "HANDLING", message: "メールマガジンの配信停止方法を教えてください。" },
  },
];

export async function seedDemoRequests(prisma: PrismaClient): Promise<void> {
  if ((await prisma.request.count()) > 0) return;
  await writeDemoRequests(prisma);
}

/** The recent demo requests, without the empty-database check (prepare-db writes them after the year of history). */
export async function writeDemoRequests(prisma: PrismaClient): Promise<void> {
  const policy = await prisma.policyVersion.findFirst({ orderBy: { effectiveDate: "desc" } });
  await prisma.$transaction(async (tx) => {
    for (const { daysAgo, ...r } of demoRequests) {
      const arrivedAt = new Date(Date.now() - daysAgo * DAY_MS);
      const reference = await nextReference(tx, arrivedAt);
      const request = await tx.request.create({
        data: {
          ...r,
          reference,
          transferReference: r.fee === "AWAITING_PAYMENT" ? transferReferenceFor(reference) : null,
          arrivedAt,
          targetDays: 14,
          dueAt: new Date(arrivedAt.getTime() + 14 * DAY_MS),
          policyVersionId: policy?.id,
        },
      });
      await writeAuditEvent(tx, {
        actor: systemActor("seed"),
        action: "request.seeded",
        entity: "Request",
        entityId: request.id,
        requestId: request.id,
        data: { type: r.type, status: r.status ?? "RECEIVED" },
      });
    }
  });
}
