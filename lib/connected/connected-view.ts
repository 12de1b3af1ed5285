import type {
  ChangePlanKind,
  ChangePlanState,
  CollectionStatus,
  TaskStatus,
  WithholdingGround,
} from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { idSchema } from "@/lib/requests/shared-schemas";
import type { Collection, CorrectionPlan, RowKey } from "./engine";
import { openJson } from "./sealed-json";
import type { PlanSummary } from "./plan-summary";

export type ExclusionView = {
  id: string;
  table: string;
  rowKey: RowKey;
  column: string | null;
  ground: WithholdingGround;
};
export type CollectionView = {
  id: string;
  status: CollectionStatus;
  failureCode: string | null;
  failureReason: string | null;
  fallbackTask: { id: string; status: TaskStatus; version: number } | null;
  matchedBy: string[];
  rowCount: number;
  truncated: boolean;
  finishedAt: Date | null;
  result: Collection | null;
  exclusions: ExclusionView[];
};
export type PlanView = {
  id: string;
  kind: ChangePlanKind;
  state: ChangePlanState;
  summary: PlanSummary;
  createdById: string;
  approvedById: string | null;
  executedAt: Date | null;
  verified: boolean | null;
  failureCode: string | null;
  failureReason: string | null;
  taskId: string | null;
  /** A correction's before/after for every row (opened for staff who may read the request). */
  correction: CorrectionPlan | null;
};
export type ConnectedSystemView = {
  id: string;
  key: string;
  nameJa: string;
  nameEn: string;
  categories: number[];
  collection: CollectionView | null;
  plans: PlanView[];
};

/**
 * The "Connected data" section of a request: every connected system with its latest
 * collection (rows opened for staff with read access), exclusions and change plans.
 */
export async function getConnectedView(opts: {
  actor: Actor | null;
  input: { requestId: string };
}): Promise<ConnectedSystemView[]> {
  assertPermission(opts.actor, "read:request");
  const requestId = idSchema.parse(opts.input.requestId);
  const [systems, collections, plans] = await Promise.all([
    prisma.systemOfRecord.findMany({
      where: { handling: "CONNECTED", OR: [{ active: true }, { collections: { some: { requestId } } }] },
      orderBy: { key: "asc" },
      select: { id: true, key: true, nameJa: true, nameEn: true, categories: true },
    }),
    prisma.collection.findMany({
      where: { requestId, superseded: false },
      orderBy: { createdAt: "desc" },
      include: { exclusions: { orderBy: { createdAt: "asc" } } },
    }),
    prisma.changePlan.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } }),
  ]);
  const taskIds = collections.flatMap((c) => (c.fallbackTaskId ? [c.fallbackTaskId] : []));
  const tasks = new Map(
    (
      await prisma.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, status: true, version: true } })
    ).map((t) => [t.id, t]),
  );
  return systems.map((s) => {
    const c = collections.find((x) => x.systemId === s.id) ?? null;
    return {
      ...s,
      collection: c && {
        id: c.id,
        status: c.status,
        failureCode: c.failureCode,
        failureReason: c.failureReason,
        fallbackTask: c.fallbackTaskId ? (tasks.get(c.fallbackTaskId) ?? null) : null,
        matchedBy: c.matchedBy,
        rowCount: c.rowCount,
        truncated: c.truncated,
        finishedAt: c.finishedAt,
        result: c.resultSealed ? openJson<Collection>(c.resultSealed) : null,
        exclusions: c.exclusions.map((x) => ({
          id: x.id,
          table: x.table,
          rowKey: x.rowKey as RowKey,
          column: x.column,
          ground: x.ground,
        })),
      },
      plans: plans
        .filter((p) => p.systemId === s.id)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          state: p.state,
          summary: p.summary as PlanSummary,
          createdById: p.createdById,
          approvedById: p.approvedById,
          executedAt: p.executedAt,
          verified: p.verified,
          failureCode: p.failureCode,
          failureReason: p.failureReason,
          taskId: p.taskId,
          correction: p.kind === "CORRECTION" ? openJson<CorrectionPlan>(p.planSealed) : null,
        })),
    };
  });
}
