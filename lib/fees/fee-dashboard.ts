import { JST_ZONE as JST, jstMonthRange } from "@/lib/dates";
import type { FeeStatus, Locale, PaymentMethod, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { FeeStatus as FeeStatusValues } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { parseInput } from "@/lib/validation";
import {
  feeListFilterSchema,
  feeListSchema,
  feeSummarySchema,
  pageSchema,
  type FeeListFilter,
  type FeeListFilterValues,
  type FeeListInput,
  type FeeSummaryInput,
  type PageInput,
} from "./fee-schemas";
import { endedStatuses } from "@/lib/requests/request-states";
import { openBankLineStatuses } from "./resolve-bank-line";
import { feeMessages } from "./fee-messages";
import { countFeeList } from "./count-fee-list";

// The admins' fee dashboard (/console/fees): totals by JST month and method, the list of
// fees with filters, the bank lines still waiting for a decision, and a CSV of exactly
// the filtered list. Reading it is for those who reconcile (record:payment); the CSV is an
// export (export:data). No names leave in the CSV: the reference identifies the request.

export type FeeSummary = {
  range: { from: string; to: string };
  /** Payments by the JST month they were paid, and refunds by the month they were made, per method. */
  byMonthMethod: {
    month: string;
    method: PaymentMethod;
    paidCount: number;
    paidAmount: number;
    refundedCount: number;
    refundedAmount: number;
  }[];
  /** Requests by the JST month they arrived: still owed (open requests) and waived. */
  byMonth: {
    month: string;
    outstandingCount: number;
    outstandingAmount: number;
    waivedCount: number;
    waivedAmount: number;
  }[];
};

export async function feeSummary(opts: { actor: Actor | null; input: FeeSummaryInput }): Promise<FeeSummary> {
  assertPermission(opts.actor, "record:payment");
  const { from, to } = parseInput(feeSummarySchema, opts.input, "fee summary");
  // Sums over the monthly rollups the database keeps in the transaction of each write
  // (migration 20261203030000, ADR 0024): twelve months cost the same at any volume.
  const [paid, refunded, owed] = await Promise.all([
    prisma.$queryRaw<MethodMonthRow[]>`
      SELECT month, k1 AS method, sum(n)::bigint AS count, sum(amount)::bigint AS amount FROM "ReportRollup"
      WHERE kind = 'paid' AND month >= ${from} AND month <= ${to} GROUP BY month, k1 HAVING sum(n) > 0`,
    prisma.$queryRaw<MethodMonthRow[]>`
      SELECT month, k1 AS method, sum(n)::bigint AS count, sum(amount)::bigint AS amount FROM "ReportRollup"
      WHERE kind = 'refunded' AND month >= ${from} AND month <= ${to} GROUP BY month, k1 HAVING sum(n) > 0`,
    prisma.$queryRaw<FeeSummaryRows["owed"]>`
      SELECT month,
             coalesce(sum(n) FILTER (WHERE kind = 'owed'), 0)::bigint AS outstanding_count,
             coalesce(sum(amount) FILTER (WHERE kind = 'owed'), 0)::bigint AS outstanding_amount,
             coalesce(sum(n) FILTER (WHERE kind = 'waived'), 0)::bigint AS waived_count,
             coalesce(sum(amount) FILTER (WHERE kind = 'waived'), 0)::bigint AS waived_amount
      FROM "ReportRollup" WHERE kind IN ('owed', 'waived') AND month >= ${from} AND month <= ${to}
      GROUP BY month ORDER BY month`,
  ]);
  return shapeFeeSummary({ range: { from, to }, paid, refunded, owed });
}

type MethodMonthRow = { month: string; method: PaymentMethod; count: bigint; amount: bigint };

/** What feeSummary's three queries return. */
export type FeeSummaryRows = {
  range: { from: string; to: string };
  paid: MethodMonthRow[];
  refunded: MethodMonthRow[];
  owed: {
    month: string;
    outstanding_count: bigint;
    outstanding_amount: bigint;
    waived_count: bigint;
    waived_amount: bigint;
  }[];
};

/**
 * The summary from its query rows: paid and refunded merged per month and method. Exported so
 * that the reference queries the rollups are tested against (tests/helpers/report-direct.ts)
 * shape their rows the same way.
 */
export function shapeFeeSummary({ range, paid, refunded, owed }: FeeSummaryRows): FeeSummary {
  const cells = new Map<string, FeeSummary["byMonthMethod"][number]>();
  const cell = (month: string, method: PaymentMethod) => {
    const key = `${month}|${method}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { month, method, paidCount: 0, paidAmount: 0, refundedCount: 0, refundedAmount: 0 }));
    return c;
  };
  for (const p of paid)
    Object.assign(cell(p.month, p.method), { paidCount: Number(p.count), paidAmount: Number(p.amount) });
  for (const f of refunded)
    Object.assign(cell(f.month, f.method), { refundedCount: Number(f.count), refundedAmount: Number(f.amount) });
  return {
    range,
    byMonthMethod: [...cells.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.method.localeCompare(b.method),
    ),
    byMonth: owed
      .map((o) => ({
        month: o.month,
        outstandingCount: Number(o.outstanding_count),
        outstandingAmount: Number(o.outstanding_amount),
        waivedCount: Number(o.waived_count),
        waivedAmount: Number(o.waived_amount),
      }))
      .filter((o) => o.outstandingCount + o.waivedCount > 0),
  };
}

export type FeeRow = {
  requestId: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  fee: FeeStatus;
  arrivedOn: string;
  feeAmount: number;
  paid: number;
  refunded: number;
  outstanding: number;
  methods: PaymentMethod[];
  lastPaidOn: string | null;
  transferReference: string | null;
};

const feeStatesWithFee = Object.values(FeeStatusValues).filter((s) => s !== "NOT_REQUIRED");

function feeListWhere(f: FeeListFilterValues): Prisma.RequestWhereInput {
  return {
    // Every fee state but NOT_REQUIRED, spelled as a list: an index can serve IN, not <>.
    fee: f.status ?? { in: feeStatesWithFee },
    ...(f.method ? { payments: { some: { method: f.method } } } : {}),
    ...(f.month ? { arrivedAt: jstMonthRange(f.month) } : {}),
  };
}

const rowInclude = {
  payments: { select: { method: true, amount: true, paidOn: true } },
  refunds: { select: { amount: true } },
} satisfies Prisma.RequestInclude;
type RowSource = Prisma.RequestGetPayload<{ include: typeof rowInclude }>;

function toFeeRow(r: RowSource): FeeRow {
  const paid = r.payments.reduce((n, p) => n + p.amount, 0);
  const refunded = r.refunds.reduce((n, x) => n + x.amount, 0);
  const owing = r.fee === "AWAITING_PAYMENT" && !endedStatuses.includes(r.status);
  const last = r.payments.reduce<Date | null>((d, p) => (!d || p.paidOn > d ? p.paidOn : d), null);
  return {
    requestId: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    fee: r.fee,
    arrivedOn: new Intl.DateTimeFormat("en-CA", { timeZone: JST }).format(r.arrivedAt),
    feeAmount: r.feeAmount,
    paid,
    refunded,
    outstanding: owing ? Math.max(0, r.feeAmount - paid + refunded) : 0,
    methods: [...new Set(r.payments.map((p) => p.method))].sort(),
    lastPaidOn: last ? last.toISOString().slice(0, 10) : null,
    transferReference: r.transferReference,
  };
}

const listOrder = [{ arrivedAt: "desc" }, { id: "asc" }] satisfies Prisma.RequestOrderByWithRelationInput[];

export async function listFees(opts: {
  actor: Actor | null;
  input: FeeListInput;
}): Promise<{ rows: FeeRow[]; total: number; page: number; pageSize: number }> {
  assertPermission(opts.actor, "record:payment");
  const q = parseInput(feeListSchema, opts.input, "fee list");
  const where = feeListWhere(q);
  const [total, rows] = await Promise.all([
    countFeeList(q, where),
    prisma.request.findMany({
      where,
      include: rowInclude,
      orderBy: listOrder,
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { rows: rows.map(toFeeRow), total, page: q.page, pageSize: q.pageSize };
}

/** Bank lines still waiting for an admin's decision, oldest first. */
export async function listUnmatchedBankLines(opts: { actor: Actor | null; input?: PageInput }) {
  assertPermission(opts.actor, "import:bank-statement");
  const q = parseInput(pageSchema, opts.input ?? {}, "bank lines");
  const where = { status: { in: [...openBankLineStatuses] } };
  const [total, lines] = await Promise.all([
    prisma.bankStatementLine.count({ where }),
    prisma.bankStatementLine.findMany({
      where,
      include: {
        import: { select: { fileName: true, importedAt: true } },
        request: { select: { reference: true, fee: true, feeAmount: true } },
      },
      orderBy: [{ bookedOn: "asc" }, { lineNo: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { total, page: q.page, pageSize: q.pageSize, lines };
}

function csvCell(v: string | number | null): string {
  let s = v === null ? "" : String(v);
  // A cell Excel would run as a formula is made inert.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Exactly the rows the same filters show, as UTF-8 CSV with a BOM and CRLF (Excel in Japan). */
export async function exportFeesCsv(opts: {
  actor: Actor | null;
  input: FeeListFilter;
  locale?: Locale;
}): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const { actor } = opts;
  assertPermission(actor, "export:data");
  const f = parseInput(feeListFilterSchema, opts.input, "fee export");
  const rows = (await prisma.request.findMany({ where: feeListWhere(f), include: rowInclude, orderBy: listOrder })).map(
    toFeeRow,
  );
  const m = feeMessages(opts.locale ?? "ja");
  const header = [
    m.csv.reference,
    m.csv.type,
    m.csv.arrivedOn,
    m.csv.feeStatus,
    m.csv.feeAmount,
    m.csv.paid,
    m.csv.refunded,
    m.csv.outstanding,
    m.csv.methods,
    m.csv.lastPaidOn,
    m.csv.transferReference,
  ];
  const lines = rows.map((r) =>
    [
      r.reference,
      r.type,
      r.arrivedOn,
      m.status[r.fee],
      r.feeAmount,
      r.paid,
      r.refunded,
      r.outstanding,
      r.methods.map((x) => m.method[x]).join(" / "),
      r.lastPaidOn,
      r.transferReference,
    ]
      .map(csvCell)
      .join(","),
  );
  const text = [header.map(csvCell).join(","), ...lines].join("\r\n") + "\r\n";
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: "fee.csv-exported",
      entity: "Request",
      data: { filter: { ...f }, rows: rows.length },
    }),
  );
  const suffix = [f.month, f.status, f.method].filter(Boolean).join("-");
  return {
    fileName: `fees${suffix ? `-${suffix}` : ""}.csv`,
    content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
    rows: rows.length,
  };
}
