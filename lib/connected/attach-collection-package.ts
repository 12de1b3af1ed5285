import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { destroyFileContent, storeFile } from "@/lib/files/file-store";
import { requestRefSchema } from "@/lib/requests/shared-schemas";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { blocked, editablePackage } from "@/lib/packages/package-guards";
import { buildDisclosureFiles } from "./package";
import type { Collection, Exclusion } from "./engine";
import { openJson } from "./sealed-json";

const FILE_STEM = "disclosure-connected";
const files = [
  { ext: "pdf", mimeType: "application/pdf" },
  { ext: "json", mimeType: "application/json" },
  { ext: "csv", mimeType: "text/csv" },
] as const;

function requestedDelivery(details: unknown): "ELECTRONIC" | "POST" | "OTHER" {
  const m = details && typeof details === "object" && "deliveryMethod" in details ? details.deliveryMethod : undefined;
  return m === "POST" || m === "OTHER" ? m : "ELECTRONIC";
}

/**
 * Builds the disclosure files (PDF in the requester's language, JSON, CSV with BOM) from
 * the collections, with the exclusions applied, and puts them in the package; the ordinary
 * package flow then publishes them (identity and fee gates, expiring download). Only after
 * the decision has taken effect, and only when every exclusion's ground is one the
 * (approved) decision cites — what is withheld is exactly what the officer approved.
 */
export async function attachCollectionPackage(opts: {
  actor: Actor | null;
  input: { requestId: string; version: number };
}): Promise<{ fileIds: string[]; version: number }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(requestRefSchema, opts.input, "package from collection");
  const r0 = await prisma.request.findUnique({ where: { id: q.requestId } });
  if (!r0) throw new AppError("NOT_FOUND", "request");
  if (r0.type !== "DISCLOSURE") throw blocked("console.package.notDisclosure");
  if (r0.status !== "DECIDED" || (r0.outcome !== "FULFILLED" && r0.outcome !== "PARTIALLY_FULFILLED"))
    throw blocked("console.package.blocked.decision");
  const collections = await prisma.collection.findMany({
    where: { requestId: r0.id, superseded: false, status: "DONE" },
    include: { exclusions: true, system: true },
  });
  if (collections.length === 0) throw blocked("connected.state.nothingCollected");
  const decision = await prisma.decision.findFirst({
    where: { requestId: r0.id, superseded: false, approval: { in: ["APPROVED", "NOT_REQUIRED"] } },
    orderBy: { createdAt: "desc" },
    include: { grounds: true },
  });
  const cited = new Set(decision?.grounds.map((g) => g.ground) ?? []);
  if (collections.some((c) => c.exclusions.some((x) => !cited.has(x.ground))))
    throw blocked("connected.state.exclusionsNotApproved");

  const built = await buildDisclosureFiles({
    locale: r0.locale,
    requestReference: r0.reference,
    systems: collections.map((c) => ({
      name: r0.locale === "en" ? c.system.nameEn : c.system.nameJa,
      collection: openJson<Collection>(c.resultSealed ?? ""),
      exclusions: c.exclusions.map((x): Exclusion => ({
        table: x.table,
        rowKey: x.rowKey as Exclusion["rowKey"],
        ground: x.ground,
        ...(x.column ? { column: x.column } : {}),
      })),
    })),
  });
  const contents = { pdf: built.pdf, json: built.json, csv: built.csv };

  const { result, oldKeys } = await prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    if (!(await tx.disclosurePackage.findUnique({ where: { requestId: r.id } }))) {
      await tx.disclosurePackage.create({ data: { requestId: r.id, deliveryMethod: requestedDelivery(r.details) } });
    }
    const pkg = await editablePackage(tx, r);
    // Building again (after a re-collection) replaces the earlier files.
    const old = await tx.packageFile.findMany({
      where: { packageId: pkg.id, file: { originalName: { startsWith: `${r.reference}-${FILE_STEM}.` } } },
      include: { file: true },
    });
    for (const pf of old) {
      await tx.packageFile.delete({ where: { id: pf.id } });
      await tx.storedFile.update({ where: { id: pf.fileId }, data: { deletedAt: new Date() } });
    }
    const fileIds: string[] = [];
    for (const f of files) {
      const stored = await storeFile(tx, {
        role: "DISCLOSURE_FILE",
        content: contents[f.ext],
        mimeType: f.mimeType,
        originalName: `${r.reference}-${FILE_STEM}.${f.ext}`,
        requestId: r.id,
        uploadedById: actor.id,
      });
      await tx.packageFile.create({ data: { packageId: pkg.id, fileId: stored.id } });
      fileIds.push(stored.id);
    }
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "connected.package_built",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: {
        fileIds,
        collections: collections.map((c) => ({
          collectionId: c.id,
          systemId: c.systemId,
          sha256: c.resultSha256,
          exclusions: c.exclusions.length,
        })),
        replaced: old.map((o) => o.fileId),
      },
    });
    return { result: { fileIds, version }, oldKeys: old.map((o) => o.file.storageKey) };
  });
  for (const key of oldKeys) await destroyFileContent(key);
  return result;
}
