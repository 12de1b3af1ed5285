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
import { jstDate } from "@/lib/deadlines/deadline-clock";

// Admin exports (DESIGN.md §5): everything about one request as a ZIP of JSON and its
// files, and the request list as CSV. Both are audited; neither goes through a URL that
// names a person.

const JSON_REPLACER = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

export const exportRequestSchema = z.object({ requestId: z.string().min(1).max(40) });

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "file";
}

export async function exportRequestArchive(opts: { actor: Actor | null; input: unknown }): Promise<{ fileName: string; content: Buffer }> {
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
    writeAuditEvent(tx, { actor, action: "request.exported", entity: "Request", entityId: requestId, requestId, data: { files: Object.keys(entries).length - 2 } }),
  );
  // Already-compressed PDFs and images gain nothing from deflate; JSON does.
  const zip = zipSync(entries, { level: 6 });
  return { fileName: `${request.reference}.zip`, content: Buffer.from(zip) };
}

const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "errors.date");

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

export async function exportRequestListCsv(opts: { actor: Actor | null; input: ExportListInput }): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const { actor } = opts;
  assertPermission(actor, "export:data");
  const q = parseInput(exportListSchema, opts.input, "export list");
  const where: Prisma.RequestWhereInput = {
    ...(q.type?.length ? { type: { in: q.type } } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.channel?.length ? { channel: { in: q.channel } } : {}),
    ...(q.from || q.to
      ? { arrivedAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00+09:00`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00+09:00`) + 86_400_000) } : {}) } }
      : {}),
  };
  const rows = await prisma.request.findMany({ where, orderBy: { arrivedAt: "asc" }, include: { assignee: { select: { name: true } } }, take: 100_000 });
  const header = ["reference", "type", "status", "channel", "arrived_jst", "due_jst", "closed_jst", "outcome", "identity", "fee", "fee_amount", "assignee"];
  const personal = ["subject_name", "subject_name_kana", "email", "phone"];
  const lines = [[...header, ...(q.includePersonalData ? personal : [])].map(csvCell).join(",")];
  for (const r of rows) {
    const base = [
      r.reference, r.type, r.status, r.channel, jstDate(r.arrivedAt), r.dueAt ? jstDate(r.dueAt) : "", r.closedAt ? jstDate(r.closedAt) : "",
      r.outcome, r.identity, r.fee, r.feeAmount, r.assignee?.name ?? "",
    ];
    const extra = q.includePersonalData ? [r.subjectName, r.subjectNameKana, r.email, r.phone] : [];
    lines.push([...base, ...extra].map(csvCell).join(","));
  }
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, { actor, action: "requests.exported", entity: "Request", data: { rows: rows.length, personal: q.includePersonalData } }),
  );
  // UTF-8 with BOM and CRLF, so Excel in Japan opens it as it is.
  const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
  return { fileName: `requests-${jstDate(new Date())}.csv`, content, rows: rows.length };
}
