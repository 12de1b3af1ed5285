import { dateOnly } from "@/lib/dates";
import { parseInput } from "@/lib/validation";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/audit/actor";
import { recordProvisionSchema, type RecordProvisionInput } from "./provision-schemas";

/** APPI rule Art 20: records are kept 3 years, or 1 year where the contract is the record. */
export function provisionRetainUntil(providedOn: Date, contractIsRecord: boolean): Date {
  const d = new Date(providedOn);
  d.setUTCFullYear(d.getUTCFullYear() + (contractIsRecord ? 1 : 3));
  return d;
}

export async function recordProvision(opts: {
  actor: Actor | null;
  input: RecordProvisionInput;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "write:provision-record");
  const r = parseInput(recordProvisionSchema, opts.input, "provision record");
  const providedOn = dateOnly(r.providedOn);
  return prisma.$transaction(async (tx) => {
    const row = await tx.thirdPartyProvision.create({
      data: {
        recipientName: r.recipientName,
        recipientAddress: r.recipientAddress,
        providedOn,
        subjectName: r.subjectName,
        subjectNameKana: r.subjectNameKana,
        subjectBirthDate: r.subjectBirthDate ? dateOnly(r.subjectBirthDate) : undefined,
        customerId: r.customerId,
        categories: r.categories,
        items: r.items,
        basis: r.basis,
        consentDate: r.consentDate ? dateOnly(r.consentDate) : undefined,
        contractIsRecord: r.contractIsRecord,
        retainUntil: provisionRetainUntil(providedOn, r.contractIsRecord),
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "provision.recorded",
      entity: "ThirdPartyProvision",
      entityId: row.id,
      data: { basis: r.basis, categories: r.categories },
    });
    return row;
  });
}
