import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { parseInput } from "@/lib/validation";
import { findTransferReferences } from "./transfer-reference";

// Admins name a request by what they have in front of them — the reference on a posted
// money order ("DSR-2026-000123") or the transfer reference on a statement ("D2026000123"),
// typed in either width. This finds the one request it names, or says the field is wrong.
export const feeRequestReferenceSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, { message: "fees.errors.reference" })
    .max(40, { message: "fees.errors.reference" }),
});
export type FeeRequestReferenceInput = z.input<typeof feeRequestReferenceSchema>;

const unknown = () =>
  new AppError("INVALID_INPUT", "no request with that reference", { reference: ["fees.errors.referenceUnknown"] });

export async function findFeeRequest(opts: {
  actor: Actor | null;
  input: FeeRequestReferenceInput;
}): Promise<{ requestId: string; reference: string }> {
  assertPermission(opts.actor, "record:payment");
  const { reference } = parseInput(feeRequestReferenceSchema, opts.input, "fee request reference");
  const refs = findTransferReferences(reference);
  if (refs.length !== 1) throw unknown();
  const found = await prisma.request.findUnique({
    where: { transferReference: refs[0] },
    select: { id: true, reference: true },
  });
  if (!found) throw unknown();
  return { requestId: found.id, reference: found.reference };
}
