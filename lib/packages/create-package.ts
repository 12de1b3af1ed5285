import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { createOrUpdatePackageSchema, type CreateOrUpdatePackageInput } from "./package-schemas";
import { blocked } from "./package-guards";

function requestedDelivery(details: unknown): "ELECTRONIC" | "POST" | "OTHER" {
  const m = details && typeof details === "object" && "deliveryMethod" in details ? details.deliveryMethod : undefined;
  return m === "POST" || m === "OTHER" ? m : "ELECTRONIC";
}

function wantsProvisionRecords(details: unknown): boolean {
  return Boolean(
    details &&
    typeof details === "object" &&
    "includeProvisionRecords" in details &&
    details.includeProvisionRecords === true,
  );
}

/** Creates the disclosure package (delivery method as the requester chose) or changes its method. */
export async function createOrUpdatePackage(opts: {
  actor: Actor | null;
  input: CreateOrUpdatePackageInput;
}): Promise<{ packageId: string; version: number }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(createOrUpdatePackageSchema, opts.input, "package");
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    if (r.type !== "DISCLOSURE") throw blocked("console.package.notDisclosure");
    const existing = await tx.disclosurePackage.findUnique({ where: { requestId: r.id } });
    if (existing?.publishedAt) throw blocked("console.package.published");
    const deliveryMethod = q.deliveryMethod ?? existing?.deliveryMethod ?? requestedDelivery(r.details);
    const pkg = existing
      ? await tx.disclosurePackage.update({ where: { id: existing.id }, data: { deliveryMethod } })
      : await tx.disclosurePackage.create({ data: { requestId: r.id, deliveryMethod } });
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: existing ? "package.updated" : "package.created",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: {
        deliveryMethod,
        requested: requestedDelivery(r.details),
        provisionRecordsRequested: wantsProvisionRecords(r.details),
      },
    });
    return { packageId: pkg.id, version };
  });
}

export { wantsProvisionRecords };
