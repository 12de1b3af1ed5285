"use server";
import { redirect } from "next/navigation";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { staffActor } from "@/lib/server/current-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import {
  createOfflineRequest,
  createOfflineRequestSchema,
  type CreateOfflineRequestInput,
} from "@/lib/console/create-offline-request";
import { scanSchema } from "@/lib/console/offline-request-schema";
import { formInput } from "@/lib/form-input";
import { detailsSchemas, WIZARD_REQUEST_TYPES } from "@/lib/requests/request-schemas";
import { inquiryDetailsSchema } from "@/lib/requests/stored-details";
import { fieldErrorsOf } from "@/lib/validation";

const SCAN_ROWS = 3;
const ITEM_ROWS = 5;

const blankToUndefined = (v: string | undefined) => (v && v.trim() ? v : undefined);

function detailsFor(type: string, fd: FormData, v: Record<string, string>): Record<string, unknown> {
  const d = (k: string) => blankToUndefined(v[`details.${k}`]);
  const categories = fd.getAll("details.categories").filter((x): x is string => typeof x === "string");
  switch (type as RequestType) {
    case "DISCLOSURE":
      return {
        categories,
        period: { from: d("period.from"), to: d("period.to") },
        deliveryMethod: d("deliveryMethod"),
        deliveryNote: d("deliveryNote"),
        includeProvisionRecords: v["details.includeProvisionRecords"] === "on",
      };
    case "CORRECTION": {
      const rows = Array.from({ length: ITEM_ROWS }, (_, i) => ({
        category: d(`items.${i}.category`),
        current: d(`items.${i}.current`),
        corrected: d(`items.${i}.corrected`),
      }));
      const last = rows.map((r) => Boolean(r.category || r.current || r.corrected)).lastIndexOf(true);
      return { action: d("action"), items: rows.slice(0, last + 1), reason: d("reason") };
    }
    case "SUSPENSION":
      return {
        categories,
        ground: d("ground"),
        purpose: d("purpose"),
        wanted: d("wanted"),
        recipient: d("recipient"),
        explanation: d("explanation"),
      };
    case "THIRD_PARTY_STOP":
      return { categories, recipient: d("recipient"), ground: d("ground"), explanation: d("explanation") };
    case "PURPOSE_NOTICE":
      return { note: d("note") };
    default:
      return { topic: d("topic"), message: v["details.message"] ?? "", reference: d("reference") };
  }
}

/** Portal detail schemas speak in "requests" message keys; the form reads them from the root. */
function mapErrors(errors: Record<string, string[]>, scanRows: number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(errors)) {
    const m = /^documents\.(\d+)\.(.+)$/.exec(key);
    const target = m ? `documents.${scanRows[Number(m[1])] ?? m[1]}.${m[2]}` : key;
    const fromPortal = key.startsWith("details.") || m?.[2] === "file";
    (out[target] ??= []).push(...list.map((k) => (fromPortal && k.startsWith("errors.") ? `requests.${k}` : k)));
  }
  return out;
}

/**
 * The domain function checks the details only once the common fields pass; the form
 * lists every problem at once, so the details are checked here too when they were not.
 */
function detailErrors(type: string, details: Record<string, unknown>): Record<string, string[]> {
  const schema = (WIZARD_REQUEST_TYPES as readonly string[]).includes(type)
    ? detailsSchemas[type as keyof typeof detailsSchemas]
    : inquiryDetailsSchema;
  const parsed = schema.safeParse(details);
  return parsed.success
    ? {}
    : Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [`details.${k}`, v]));
}

export async function createOfflineRequestAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const v = formValues(fd);
  const scanRows: number[] = [];
  const documents: NonNullable<CreateOfflineRequestInput["documents"]> = [];
  for (let i = 0; i < SCAN_ROWS; i++) {
    const file = fd.get(`documents.${i}.file`);
    if (!file || typeof file === "string" || file.size === 0) continue;
    scanRows.push(i);
    documents.push({
      fileName: file.name || "scan",
      content: Buffer.from(await file.arrayBuffer()),
      mimeType: file.type || undefined,
      // kind, holder, issuedOn as posted: a forged holder fails the schema, it is not read as SUBJECT.
      ...formInput(scanSchema.pick({ kind: true, holder: true, issuedOn: true }), fd, { prefix: `documents.${i}.` }),
    });
  }
  let requestId: string;
  const details = detailsFor(v.type ?? "", fd, v);
  try {
    const created = await createOfflineRequest({
      actor: await staffActor(),
      input: {
        ...formInput(createOfflineRequestSchema, fd),
        details,
        documents,
        assignToMe: v.assignToMe === "on",
      },
    });
    requestId = created.requestId;
  } catch (err) {
    const state = formStateFromError(err, v);
    if (state.status !== "error") return state;
    const checkedDetails = Object.keys(state.fieldErrors).some((k) => k.startsWith("details."));
    const all =
      state.code === "INVALID_INPUT" && !checkedDetails
        ? { ...state.fieldErrors, ...detailErrors(v.type ?? "", details) }
        : state.fieldErrors;
    return { ...state, fieldErrors: mapErrors(all, scanRows) };
  }
  redirect(`/console/requests/${requestId}`);
}
