import { z } from "zod";
import { zipSync, strToU8 } from "fflate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Channel, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { readStoredFile } from "@/lib/files/file-store";
import { DATE_ONLY, isRealDate, jstDate, jstDayEnd, jstMidnight } from "@/lib/dates";

// Admin exports (docs/design.md §9): everything about one request as a ZIP of JSON and its
// files, and the request list as CSV. Both are audited; neither goes through a URL that
// names a person.

const JSON_REPLACER = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

export const exportRequestSchema = z.object({ requestId: z.string().min(1).max(40) });

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "file";
}

export async function exportRequestArchive(opts: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ fileName: string; content: Buffer }> {
  const { actor } = opts;
  assertPermission(actor, "export:data");
  const { requestId } = parseInput(exportRequestSchema, opts.input, "export request");
  const request = await prisma.request.findUnique({
    where: { id: requestId },
    include: {
      documents: true,
      identityChecks: true,
      payments: true,
      refunds: true,
      receipts: true,
      decisions: { include: { grounds: true } },
      tasks: { include: { system: { select: { key: true, nameJa: true, nameEn: true } } } },
      package: { include: { files: true, downloads: true } },
      notices: true,
      messages: true,
      files: true,
      bankLines: true,
      policyVersion: { select: { version: true, effectiveDate: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const audit = await prisma.auditEvent.findMany({ where: { requestId }, orderBy: { seq: "asc" } });

  const entries: Record<string, Uint8Array> = {
    "request.json": strToU8(JSON.stringify({ exportedAt: new Date().toISOString(), request }, JSON_REPLACER, 2)),
    "audit.json": strToU8(JSON.stringify(audit, JSON_REPLACER, 2)),
  };
  for (const f of request.files) {
    if (f.deletedAt) continue;
    entries[`files/${f.role.toLowerCase()}/${f.id}-${safeName(f.originalName)}`] = await readStoredFile(f);
  }
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: "request.exported",
      entity: "Request",
      entityId: requestId,
      requestId,
      data: { files: Object.keys(entries).length - 2 },
    }),
  );
  // Already-compressed PDFs and images gain nothing from deflate; JSON does.
  const zip = zipSync(entries, { level: 6 });
  return { fileName: `${request.reference}.zip`, content: Buffer.from(zip) };
}

const dateString = z.string().regex(DATE_ONLY, "errors.date").refine(isRealDate, "errors.date");

export const exportListSchema = z.object({
  from: dateString.optional(),
  to: dateString.optional(),
  type: z.array(z.enum(RequestType)).max(10).optional(),
  status: z.array(z.enum(RequestStatus)).max(10).optional(),
  channel: z.array(z.enum(Channel)).max(10).optional(),
  /** Names and contact details only when asked for; the default list is reference-only. */
  includePersonalData: z.boolean().default(false),
});
export type ExportListInput = z.input<typeof exportListSchema>;

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote everything; a leading =,+,-,@ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One export lists at most this many requests; a larger set is exported period by period. */
const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 5_000;
const exportSelect = {
  id: true,
  reference: true,
  type: true,
  status: true,
  channel: true,
  arrivedAt: true,
  dueAt: true,
  closedAt: true,
  outcome: true,
  identity: true,
  fee: true,
  feeAmount: true,
  assigneeId: true,
  subjectName: true,
  subjectNameKana: true,
  email: true,
  phone: true,
} as const satisfies Prisma.RequestSelect;
type ExportRow = Prisma.RequestGetPayload<{ select: typeof exportSelect }>;

export async function exportRequestListCsv(opts: {
  actor: Actor | null;
  input: ExportListInput;
  /** Rows read per query; tests use a small one. */ batchSize?: number;
}): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const { actor } = opts;
  assertPermission(actor, "export:data");
  const q = parseInput(exportListSchema, opts.input, "export list");
  const where: Prisma.RequestWhereInput = {
    ...(q.type?.length ? { type: { in: q.type } } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.channel?.length ? { channel: { in: q.channel } } : {}),
    ...(q.from || q.to
      ? {
          arrivedAt: {
            ...(q.from ? { gte: jstMidnight(q.from) } : {}),
            ...(q.to ? { lt: jstDayEnd(q.to) } : {}),
          },
        }
      : {}),
  };
  const header = [
    "reference",
    "type",
    "status",
    "channel",
    "arrived_jst",
    "due_jst",
    "closed_jst",
    "outcome",
    "identity",
    "fee",
    "fee_amount",
    "assignee",
  ];
  const personal = ["subject_name", "subject_name_kana", "email", "phone"];
  const chunks = [
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from([...header, ...(q.includePersonalData ? personal : [])].map(csvCell).join(",") + "\r\n", "utf8"),
  ];
  const staffNames = new Map(
    (await prisma.staffUser.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  // Pages of `batch` rows in (arrivedAt, id) order with only the exported columns: the
  // whole list as full rows took ~400 MB of heap at 100,000 requests.
  const batch = Math.max(1, opts.batchSize ?? EXPORT_BATCH);
  let rows = 0;
  let after: { arrivedAt: Date; id: string } | null = null;
  while (rows < EXPORT_MAX_ROWS) {
    const page: ExportRow[] = await prisma.request.findMany({
      where: after
        ? {
            AND: [
              where,
              { OR: [{ arrivedAt: { gt: after.arrivedAt } }, { arrivedAt: after.arrivedAt, id: { gt: after.id } }] },
            ],
          }
        : where,
      orderBy: [{ arrivedAt: "asc" }, { id: "asc" }],
      select: exportSelect,
      take: Math.min(batch, EXPORT_MAX_ROWS - rows),
    });
    if (page.length === 0) break;
    const lines = page.map((r) => {
      const base = [
        r.reference,
        r.type,
        r.status,
        r.channel,
        jstDate(r.arrivedAt),
        r.dueAt ? jstDate(r.dueAt) : "",
        r.closedAt ? jstDate(r.closedAt) : "",
        r.outcome,
        r.identity,
        r.fee,
        r.feeAmount,
        r.assigneeId ? (staffNames.get(r.assigneeId) ?? "") : "",
      ];
      const extra = q.includePersonalData ? [r.subjectName, r.subjectNameKana, r.email, r.phone] : [];
      return [...base, ...extra].map(csvCell).join(",");
    });
    chunks.push(Buffer.from(lines.join("\r\n") + "\r\n", "utf8"));
    rows += page.length;
    const last = page[page.length - 1];
    after = last ? { arrivedAt: last.arrivedAt, id: last.id } : null;
    if (page.length < batch) break;
  }
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: "requests.exported",
      entity: "Request",
      data: { rows, personal: q.includePersonalData },
    }),
  );
  // UTF-8 with BOM and CRLF, so Excel in Japan opens it as it is.
  return { fileName: `requests-${jstDate(new Date())}.csv`, content: Buffer.concat(chunks), rows };
}
