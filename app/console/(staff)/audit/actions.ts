"use server";
import { staffActor } from "@/lib/server/current-staff";
import { verifyAuditChainAsAdmin } from "@/lib/audit/audit-log";
import { formStateFromError, type FormState } from "@/lib/form-state";

/** Runs the chain verification (as npm run audit:verify) and reports the outcome. */
export async function verifyChainAction(): Promise<FormState> {
  try {
    const r = await verifyAuditChainAsAdmin({ actor: await staffActor() });
    return {
      status: "ok",
      message: r.ok ? "ok" : "broken",
      data: r.ok
        ? { checked: String(r.checked) }
        : { checked: String(r.checked), brokenSeq: r.brokenSeq.toString(), reason: r.reason },
    };
  } catch (err) {
    return formStateFromError(err);
  }
}
