import { DATE_ONLY, dateOnly } from "@/lib/dates";
import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { parsePolicy } from "@/lib/policy/policy-articles";

// A new policy version never replaces an old one: requests keep the version they were
// filed under (Request.policyVersionId), and the portal shows the newest in force.
export const policyVersionSchema = z.object({
  version: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(20, "errors.tooLong")
    .regex(/^[\w.-]+$/, "errors.policyVersion"),
  effectiveDate: z.string().regex(DATE_ONLY, "errors.date"),
  textJa: z.string().trim().min(1, "errors.required").max(100_000, "errors.tooLong"),
  textEn: z.string().trim().min(1, "errors.required").max(100_000, "errors.tooLong"),
});

export async function listPolicyVersions(opts: { actor: Actor | null }) {
  assertPermission(opts.actor, "manage:settings");
  return prisma.policyVersion.findMany({
    orderBy: { effectiveDate: "desc" },
    select: { id: true, version: true, effectiveDate: true, createdAt: true, _count: { select: { requests: true } } },
  });
}

export async function addPolicyVersion(opts: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:settings");
  const input = parseInput(policyVersionSchema, opts.input, "policy version");
  const effectiveDate = dateOnly(input.effectiveDate);
  if (Number.isNaN(effectiveDate.getTime()))
    throw new AppError("INVALID_INPUT", "date", { effectiveDate: ["errors.date"] });
  // The portal, notices and mails link to articles; a text without them would break those links.
  for (const [field, text] of [
    ["textJa", input.textJa],
    ["textEn", input.textEn],
  ] as const) {
    const numbers = parsePolicy(text).articles.map((a) => a.number);
    if (![6, 7, 8, 11].every((n) => numbers.includes(n)))
      throw new AppError("INVALID_INPUT", "articles", { [field]: ["errors.policyArticles"] });
  }
  return prisma.$transaction(async (tx) => {
    if (await tx.policyVersion.findUnique({ where: { version: input.version } })) {
      throw new AppError("CONFLICT", "version exists", { version: ["errors.policyVersionExists"] });
    }
    const row = await tx.policyVersion.create({ data: { ...input, effectiveDate }, select: { id: true } });
    await writeAuditEvent(tx, {
      actor,
      action: "policy.version-added",
      entity: "PolicyVersion",
      entityId: row.id,
      data: { version: input.version, effectiveDate: input.effectiveDate },
    });
    return row;
  });
}
