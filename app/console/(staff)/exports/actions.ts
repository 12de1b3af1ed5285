"use server";
import { prisma } from "@/lib/server/db";
import { staffActor } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import type { FormState } from "@/lib/form-state";

/**
 * Finds the request by its reference and answers with the archive's address; the form then
 * opens it once (a redirect from an action would be fetched by the router as well, and
 * every fetch is an audited export).
 */
export async function archiveByReferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await staffActor();
  if (!actor) return { status: "error", code: "UNAUTHENTICATED", fieldErrors: {} };
  if (!roleHas(actor.role, "export:data")) return { status: "error", code: "FORBIDDEN", fieldErrors: {} };
  const reference = String(formData.get("reference") ?? "")
    .trim()
    .toUpperCase()
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (!/^DSR-\d{4}-\d{6}$/.test(reference))
    return {
      status: "error",
      code: "INVALID_INPUT",
      fieldErrors: { reference: ["errors.reference"] },
      values: { reference },
    };
  const found = await prisma.request.findUnique({ where: { reference }, select: { id: true } });
  if (!found)
    return {
      status: "error",
      code: "NOT_FOUND",
      fieldErrors: { reference: ["errors.referenceNotFound"] },
      values: { reference },
    };
  return { status: "ok", data: { url: `/console/exports/archive/${found.id}`, reference } };
}
