import type { FeeListFilter } from "@/lib/fees/fee-schemas";
import { MONTH, monthsBack } from "@/lib/dates";
import { PaymentMethod } from "@/lib/generated/prisma/enums";

// The dashboard's URL is its state: list filters, page and summary range are GET
// parameters, so a filtered view can be bookmarked and the CSV link carries the same.
export const feeStatuses = ["AWAITING_PAYMENT", "PAID", "WAIVED", "REFUNDED"] as const;
export const paymentMethods = Object.values(PaymentMethod);
export const PAGE_SIZE = 25;

export type DashboardParams = {
  status?: string;
  method?: string;
  month?: string;
  page?: string;
  from?: string;
  to?: string;
  done?: string;
};

/** Confirmations the fee actions come back with (actions.ts, backTo). */
export const dashboardDone = ["line-applied", "line-dismissed"] as const;
export const requestDone = ["paid", "recorded", "waived", "refunded", "refunded-stripe"] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => list.find((x) => x === v);

export function parseDashboardParams(sp: DashboardParams) {
  const monthGiven = Boolean(sp.month);
  const filter: FeeListFilter = {
    status: oneOf(feeStatuses, sp.status),
    method: oneOf(paymentMethods, sp.method),
    month: sp.month && MONTH.test(sp.month) ? sp.month : undefined,
  };
  const page = Math.max(1, Math.min(100_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  const from = sp.from && MONTH.test(sp.from) ? sp.from : monthsBack(11);
  const to = sp.to && MONTH.test(sp.to) ? sp.to : monthsBack(0);
  const rangeOk = from <= to;
  return {
    filter,
    monthError: monthGiven && !filter.month,
    page,
    range: rangeOk ? { from, to } : { from: monthsBack(11), to: monthsBack(0) },
    rangeError: Boolean((sp.from && !MONTH.test(sp.from)) || (sp.to && !MONTH.test(sp.to)) || !rangeOk),
  };
}

/** Query string for the same filters (and anything extra), without empty values. */
export function filterQuery(filter: FeeListFilter, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
