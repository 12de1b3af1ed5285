import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { upsertSystemOfRecord, type UpsertSystemOfRecordInput } from "@/lib/tasks/data-map";

// Reads and the save behind the console's data-map page. Secrets and token hashes never
// leave here: the page learns only whether a webhook secret exists.

const systemFields = {
  id: true,
  key: true,
  nameJa: true,
  nameEn: true,
  owner: true,
  categories: true,
  handling: true,
  active: true,
  webhookUrl: true,
} as const;

export async function listDataMapOverview(opts: { actor: Actor | null }) {
  assertPermission(opts.actor, "manage:data-map");
  const systems = await prisma.systemOfRecord.findMany({
    orderBy: [{ active: "desc" }, { key: "asc" }],
    select: {
      ...systemFields,
      _count: {
        select: {
          tasks: { where: { status: { in: ["OPEN", "FAILED"] } } },
          apiTokens: { where: { revokedAt: null } },
          webhookDeliveries: { where: { status: "FAILED" } },
        },
      },
    },
  });
  return systems.map(({ _count, ...s }) => ({
    ...s,
    openTasks: _count.tasks,
    activeTokens: _count.apiTokens,
    failedDeliveries: _count.webhookDeliveries,
  }));
}

export async function readSystemIntegration(opts: { actor: Actor | null; systemId: string }) {
  assertPermission(opts.actor, "manage:data-map");
  const s = await prisma.systemOfRecord.findUnique({
    where: { id: opts.systemId },
    select: { ...systemFields, webhookSecret: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "system");
  const { webhookSecret, ...rest } = s;
  return { ...rest, hasWebhookSecret: Boolean(webhookSecret) };
}

/**
 * The editor's save: upsertSystemOfRecord with the webhook URL kept as it is — the URL
 * is changed only through setWebhookEndpoint, which also makes its signing secret.
 */
export async function saveSystemOfRecord(opts: {
  actor: Actor | null;
  input: Omit<UpsertSystemOfRecordInput, "webhookUrl">;
}): Promise<{ id: string }> {
  assertPermission(opts.actor, "manage:data-map");
  const current = opts.input.id
    ? await prisma.systemOfRecord.findUnique({ where: { id: opts.input.id }, select: { webhookUrl: true } })
    : null;
  return upsertSystemOfRecord({
    actor: opts.actor,
    input: { ...opts.input, webhookUrl: current?.webhookUrl ?? undefined },
  });
}
