import type { CorrectionPlan, ErasurePlan } from "./engine";

// What a change plan may say outside its seal: tables, columns, strategies and counts —
// never a value. This is what the audit and the approval list carry.

export type PlanSummary = {
  totalRows: number;
  tables: Array<{ table: string; action: string; columns: string[]; strategies: string[]; count: number }>;
};

export function summariseErasure(plan: ErasurePlan): PlanSummary {
  return {
    totalRows: plan.totalRows,
    tables: plan.tables.map((t) => ({
      table: t.table,
      action: t.action,
      columns: t.columns.map((c) => c.name),
      strategies: t.columns.map((c) => c.strategy.kind),
      count: t.count,
    })),
  };
}

export function summariseCorrection(plan: CorrectionPlan): PlanSummary {
  return {
    totalRows: plan.rows.length,
    tables: [
      { table: plan.table, action: "update", columns: [plan.column], strategies: ["correct"], count: plan.rows.length },
    ],
  };
}
