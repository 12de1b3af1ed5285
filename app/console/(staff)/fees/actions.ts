"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffActor } from "@/lib/server/current-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { formInput } from "@/lib/form-input";
import { receiptIdSchema, recordPaymentSchema, refundPaymentSchema, waiveFeeSchema } from "@/lib/fees/fee-schemas";
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

const keptParams = ["status", "method", "month", "page", "from", "to"] as const;

/**
 * After a decision that removes its own form from the page (a decided bank line, a fee
 * no longer awaiting payment), go back to the page with a confirmation it shows; the
 * dashboard keeps its filters.
 */
function backTo(path: string, done: string, opts: { query?: string; hash?: string } = {}): never {
  const given = new URLSearchParams(opts.query ?? "");
  const q = new URLSearchParams();
  for (const k of keptParams) {
    const v = given.get(k);
    if (v) q.set(k, v);
  }
  q.set("done", done);
  redirect(`${path}?${q.toString()}${opts.hash ? `#${opts.hash}` : ""}`);
}

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
  // Method, date and payer as posted (the schema checks them); the amount as a number of yen.
  const payment = {
    ...formInput(recordPaymentSchema.pick({ method: true, paidOn: true, payerName: true }), formData),
    amount: yen(values.amount),
  };
  let result: string;
  try {
    let requestId = values.requestId;
    let reference = values.reference ?? "";
    if (!requestId) {
      try {
        ({ requestId, reference } = await findFeeRequest({ actor, input: { reference } }));
      } catch (e) {
        if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
        const fieldErrors = mergedErrors(e, () =>
          parseInput(recordPaymentSchema, { ...payment, requestId: "lookup" }, "payment"),
        );
        return { status: "error", code: "INVALID_INPUT", fieldErrors, values };
      }
    }
    const done = await recordPayment({ actor, input: { ...payment, requestId } });
    refresh();
    if (!values.requestId)
      return {
        status: "ok",
        data: { requestId, reference, paymentId: done.paymentId, fee: done.fee, receipt: done.receipt?.number ?? "" },
      };
    result = done.fee === "PAID" ? "paid" : "recorded";
  } catch (err) {
    return formStateFromError(err, values);
  }
  backTo(`/console/fees/${encodeURIComponent(values.requestId ?? "")}`, result);
}

export async function importStatementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const file = formData.get("statement");
  const picked = file instanceof File && file.size > 0 ? file : null;
  try {
    const s = await importBankStatement({
      actor: await staffActor(),
      input: {
        fileName: picked?.name || "statement.csv",
        content: picked ? Buffer.from(await picked.arrayBuffer()) : Buffer.alloc(0),
      },
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
    } else {
      const confirm = values.confirm === "yes";
      let requestId: string;
      try {
        ({ requestId } = await findFeeRequest({ actor, input: { reference: values.reference ?? "" } }));
      } catch (e) {
        if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
        return {
          status: "error",
          code: "INVALID_INPUT",
          fieldErrors: { ...e.fieldErrors, ...(confirm ? {} : { confirm: ["fees.errors.confirm"] }) },
          values,
        };
      }
      // The schema refuses anything but an explicit tick: nothing is applied by guess.
      await resolveBankLine({
        actor,
        input: { action: "APPLY", lineId, requestId, confirm: confirm as true, note: values.note || undefined },
      });
    }
    refresh();
  } catch (err) {
    return formStateFromError(err, values);
  }
  backTo("/console/fees", values.op === "dismiss" ? "line-dismissed" : "line-applied", {
    query: values.query,
    hash: "bank-lines-title",
  });
}

export async function waiveFeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await waiveFee({
      actor: await staffActor(),
      input: formInput(waiveFeeSchema, formData),
    });
    refresh();
  } catch (err) {
    return formStateFromError(err, values);
  }
  backTo(`/console/fees/${encodeURIComponent(values.requestId ?? "")}`, "waived");
}

export async function refundPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await staffActor();
  const input = { ...formInput(refundPaymentSchema, formData), amount: yen(values.amount) };
  let result: string;
  try {
    // Money leaves: the admin ticks that they mean it, and the amount and reason must hold too.
    if (values.confirm !== "yes") {
      const fieldErrors = mergedErrors(null, () => parseInput(refundPaymentSchema, input, "refund"));
      return {
        status: "error",
        code: "INVALID_INPUT",
        fieldErrors: { ...fieldErrors, confirm: ["fees.errors.confirm"] },
        values,
      };
    }
    const done = await refundPayment({ actor, input });
    refresh();
    result = done.stripeRefundId ? "refunded-stripe" : "refunded";
  } catch (err) {
    return formStateFromError(err, values);
  }
  backTo(`/console/fees/${encodeURIComponent(values.requestId ?? "")}`, result);
}

export async function reissueReceiptAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const issued = await reissueReceipt({
      actor: await staffActor(),
      input: formInput(receiptIdSchema, formData),
    });
    refresh();
    return { status: "ok", data: { number: issued.number } };
  } catch (err) {
    return formStateFromError(err);
  }
}
