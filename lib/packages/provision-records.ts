import type { ThirdPartyProvision } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { destroyFileContent, storeFile } from "@/lib/files/file-store";
import { renderPdf, type PdfBlock } from "@/lib/pdf/pdf-document";
import { searchProvisions } from "@/lib/provisions/search-provisions";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { fill, formatNoticeDate, noticeMessages } from "@/lib/notices/notice-messages";
import { attachProvisionRecordsSchema, type AttachProvisionRecordsInput } from "./package-schemas";
import { blocked, editablePackage } from "./package-guards";
import { wantsProvisionRecords } from "./create-package";

const PROVISION_FILE_NAME = "third-party-provision-records.pdf";

function dateColumn(locale: Locale, d: Date): string {
  // @db.Date holds midnight UTC of the date itself.
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(d);
}

export async function renderProvisionRecordsPdf(
  locale: Locale,
  subjectName: string,
  records: ThirdPartyProvision[],
): Promise<Buffer> {
  const m = noticeMessages(locale).provisionRecords;
  const blocks: PdfBlock[] = [
    { kind: "title", text: m.title },
    { kind: "paragraph", text: fill(m.intro, { name: subjectName }) },
    { kind: "paragraph", text: `${formatNoticeDate(locale, new Date())}` },
    { kind: "rule" },
  ];
  if (records.length === 0) blocks.push({ kind: "paragraph", text: m.none });
  records.forEach((p, i) => {
    blocks.push({ kind: "heading", text: fill(m.record, { n: i + 1 }) });
    blocks.push({
      kind: "fields",
      rows: [
        [m.recipient, [p.recipientName, p.recipientAddress].filter(Boolean).join("\n")],
        [m.providedOn, dateColumn(locale, p.providedOn)],
        [m.items, p.items],
        [m.categories, p.categories.join(", ")],
        [m.basis, m.basisLabels[p.basis]],
        ...(p.consentDate ? [[m.consentDate, dateColumn(locale, p.consentDate)] as [string, string]] : []),
      ],
    });
  });
  return renderPdf({ title: m.title, lang: locale }, blocks);
}

/**
 * APPI Art 33(5): when the requester asked for them, the third-party provision records
 * about them (by name in kanji or kana, or customer ID; a record with another birth
 * date is someone else) go into the package as a PDF. Running it again replaces it.
 */
export async function attachProvisionRecords(opts: {
  actor: Actor | null;
  input: AttachProvisionRecordsInput;
  now?: Date;
}): Promise<{ fileId: string; records: number; version: number }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(attachProvisionRecordsSchema, opts.input, "provision records");
  const r0 = await prisma.request.findUnique({ where: { id: q.requestId } });
  if (!r0) throw new AppError("NOT_FOUND", "request");
  if (r0.version !== q.version) throw new AppError("STALE_VERSION", `request is at version ${r0.version}`);
  if (!wantsProvisionRecords(r0.details)) throw blocked("console.package.provisionRecordsNotRequested");
  const searches = [
    searchProvisions({ actor, input: { name: r0.subjectName, take: 200 }, now: opts.now }),
    ...(r0.subjectNameKana
      ? [searchProvisions({ actor, input: { name: r0.subjectNameKana, take: 200 }, now: opts.now })]
      : []),
    ...(r0.customerId
      ? [searchProvisions({ actor, input: { customerId: r0.customerId, take: 200 }, now: opts.now })]
      : []),
  ];
  const found = new Map<string, ThirdPartyProvision>();
  for (const rows of await Promise.all(searches)) for (const p of rows) found.set(p.id, p);
  const birth = r0.subjectBirthDate?.getTime();
  const records = [...found.values()]
    .filter((p) => !birth || !p.subjectBirthDate || p.subjectBirthDate.getTime() === birth)
    .sort((a, b) => a.providedOn.getTime() - b.providedOn.getTime());
  const pdf = await renderProvisionRecordsPdf(r0.locale, r0.subjectName, records);

  const { result, oldKeys } = await prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    const pkg = await editablePackage(tx, r);
    const old = await tx.packageFile.findMany({
      where: { packageId: pkg.id, file: { originalName: PROVISION_FILE_NAME } },
      include: { file: true },
    });
    for (const pf of old) {
      await tx.packageFile.delete({ where: { id: pf.id } });
      await tx.storedFile.update({ where: { id: pf.fileId }, data: { deletedAt: new Date() } });
    }
    const file = await storeFile(tx, {
      role: "DISCLOSURE_FILE",
      content: pdf,
      mimeType: "application/pdf",
      originalName: PROVISION_FILE_NAME,
      requestId: r.id,
      uploadedById: actor.id,
    });
    await tx.packageFile.create({ data: { packageId: pkg.id, fileId: file.id } });
    await tx.disclosurePackage.update({ where: { id: pkg.id }, data: { includesProvisionRecords: true } });
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "package.provision_records_added",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: { fileId: file.id, provisionIds: records.map((p) => p.id), replaced: old.map((o) => o.fileId) },
    });
    return {
      result: { fileId: file.id, records: records.length, version },
      oldKeys: old.map((o) => o.file.storageKey),
    };
  });
  for (const key of oldKeys) await destroyFileContent(key);
  return result;
}
