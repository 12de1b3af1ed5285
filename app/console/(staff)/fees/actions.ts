"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordPaymentSchema, refundPaymentSchema, type RecordPaymentInput } from "@/lib/fees/fee-schemas";
import { recordPayment } from "@/lib/fees/record-payment";
import { importBankStatement } from "@/lib/fees/bank-statement";
import { resolveBankLine } from "@/lib/fees/resolve-bank-line";
import { refundPayment, waiveFee } from "@/lib/fees/waive-refund";
import { reissueReceipt } from "@/lib/fees/receipt";
import { findFeeRequest } from "@/lib/fees/find-fee-request";

// Thin: each action finds the actor and calls the domain function, which checks the
// permission itself (a forged post from a STAFF or OFFICER session is refused there).

/** "５，５００円" → 5500; anything that is not a whole number of yen → NaN (the schema names it). */
function yen(v: string | undefined): number {
  const s = (v ?? "").normalize("NFKC").replace(/[,\s¥円]/g, "");
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

const refresh = () => revalidatePath("/console/fees", "layout");

/** Errors of the reference lookup and of the payment itself, shown together. */
function mergedErrors(e: unknown, rest: () => void): FieldErrors {
  const out: FieldErrors = isAppError(e) && e.code === "INVALID_INPUT" ? { ...e.fieldErrors } : {};
  try {
    rest();
  } catch (other) {
    if (isAppError(other)) Object.assign(out, other.fieldErrors);
  }
  delete out.requestId;
  return out;
}

export async function recordPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await staffActor();
  // The method is checked by the schema; the cast only names the type it will have.
  const payment = { method: (values.method ?? "") as RecordPaymentInput["method"], paidOn: values.paidOn ?? "", amount: yen(values.amount), payerName: values.payerName ?? "" };
  try {
    let requestId = values.requestId;
    let reference = values.reference ?? "";
    if (!requestId) {
      try {
        ({ requestId, reference } = await findFeeRequest({ actor, input: { reference } }));
      } catch (e) {
        if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
        const fieldErrors = mergedErrors(e, () => parseInput(recordPaymentSchema, { ...payment, requestId: "lookup" }, "payment"));
        return { status: "error", code: "INVALID_INPUT", fieldErrors, values };
      }
    }
    const done = await recordPayment({ actor, input: { ...payment, requestId } });
    refresh();
    return { status: "ok", data: { requestId, reference, paymentId: done.paymentId, fee: done.fee, receipt: done.receipt?.number ?? "" } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function importStatementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const file = formData.get("statement");
  const picked = file instanceof File && file.size > 0 ? file : null;
  try {
    const s = await importBankStatement({
      actor: await staffActor(),
      input: { fileName: picked?.name || "statement.csv", content: picked ? Buffer.from(await picked.arrayBuffer()) : Buffer.alloc(0) },
    });
    refresh();
    const listed = s.byStatus.AMOUNT_MISMATCH + s.byStatus.UNKNOWN_REFERENCE + s.byStatus.ALREADY_SETTLED;
    return {
      status: "ok",
      data: {
        importId: s.importId,
        duplicate: s.duplicateFile ? "yes" : "",
        lines: String(s.lines),
        applied: String(s.byStatus.APPLIED),
        listed: String(listed),
        mismatch: String(s.byStatus.AMOUNT_MISMATCH),
        unknown: String(s.byStatus.UNKNOWN_REFERENCE),
        settled: String(s.byStatus.ALREADY_SETTLED),
        decided: String(s.byStatus.RESOLVED + s.byStatus.DISMISSED),
        alreadyImported: String(s.alreadyImported),
        skipped: String(s.skippedWithdrawals),
      },
    };
  } catch (err) {
    return formStateFromError(err);
  }
}

export async function resolveBankLineAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await staffActor();
  const lineId = values.lineId ?? "";
  try {
    if (values.op === "dismiss") {
      await resolveBankLine({ actor, input: { action: "DISMISS", lineId, note: values.note ?? "" } });
      refresh();
      return { status: "ok", data: { op: "dismiss" } };
    }
    const confirm = values.confirm === "yes";
    let requestId: string;
    try {
      ({ requestId } = await findFeeRequest({ actor, input: { reference: values.reference ?? "" } }));
    } catch (e) {
      if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
      return { status: "error", code: "INVALID_INPUT", fieldErrors: { ...e.fieldErrors, ...(confirm ? {} : { confirm: ["fees.errors.confirm"] }) }, values };
    }
    // The schema refuses anything but an explicit tick: nothing is applied by guess.
    await resolveBankLine({ actor, input: { action: "APPLY", lineId, requestId, confirm: confirm as true, note: values.note || undefined } });
    refresh();
    return { status: "ok", data: { op: "apply" } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function waiveFeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await waiveFee({ actor: await staffActor(), input: { requestId: values.requestId ?? "", reason: values.reason ?? "" } });
    refresh();
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function refundPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await staffActor();
  const input = { paymentId: values.paymentId ?? "", amount: yen(values.amount), reason: values.reason ?? "" };
  try {
    // Money leaves: the admin ticks that they mean it, and the amount and reason must hold too.
    if (values.confirm !== "yes") {
      const fieldErrors = mergedErrors(null, () => parseInput(refundPaymentSchema, input, "refund"));
      return { status: "error", code: "INVALID_INPUT", fieldErrors: { ...fieldErrors, confirm: ["fees.errors.confirm"] }, values };
    }
    const done = await refundPayment({ actor, input });
    refresh();
    return { status: "ok", data: { fee: done.fee, viaStripe: done.stripeRefundId ? "yes" : "" } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function reissueReceiptAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const issued = await reissueReceipt({ actor: await staffActor(), input: { receiptId: String(formData.get("receiptId") ?? "") } });
    refresh();
    return { status: "ok", data: { number: issued.number } };
  } catch (err) {
    return formStateFromError(err);
  }
}
