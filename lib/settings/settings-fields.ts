import { DeliveryMethod } from "@/lib/generated/prisma/enums";
import type { SettingsKey } from "./settings-schema";

// How each settings group appears as a form: one descriptor per input. Shared by the
// settings page (to draw the form) and its server action (to turn the posted form back
// into the group's shape before the zod schema checks it).
export type SettingsField =
  | { name: string; kind: "text" | "email" | "textarea"; optional?: boolean }
  | { name: string; kind: "number"; min?: number; max?: number }
  | { name: string; kind: "select"; options: readonly string[] }
  | { name: string; kind: "checkboxes"; options: readonly string[] };

export const settingsFields: Record<SettingsKey, SettingsField[]> = {
  operator: [
    { name: "legalNameJa", kind: "text" },
    { name: "legalNameEn", kind: "text" },
    { name: "postalCode", kind: "text" },
    { name: "addressJa", kind: "text" },
    { name: "addressEn", kind: "text" },
    { name: "contactEmail", kind: "email" },
    { name: "contactPhone", kind: "text", optional: true },
    { name: "representative", kind: "text", optional: true },
    { name: "personInCharge", kind: "text" },
    { name: "invoiceRegistrationNumber", kind: "text" },
  ],
  fee: [
    { name: "amount", kind: "number", min: 0, max: 100000 },
    { name: "taxRatePct", kind: "number", min: 0, max: 100 },
    { name: "bank.bankName", kind: "text" },
    { name: "bank.branchName", kind: "text" },
    { name: "bank.accountType", kind: "select", options: ["ordinary", "current"] },
    { name: "bank.accountNumber", kind: "text" },
    { name: "bank.accountHolderKana", kind: "text" },
    { name: "methods", kind: "checkboxes", options: ["BANK_TRANSFER", "STRIPE", "POSTAL_MONEY_ORDER", "CASH"] },
    { name: "reminderAfterDays", kind: "number", min: 1, max: 90 },
    { name: "abandonAfterDays", kind: "number", min: 1, max: 365 },
  ],
  deadlines: [
    { name: "targetDays", kind: "number", min: 1, max: 90 },
    { name: "dueSoonDays", kind: "number", min: 0, max: 30 },
    { name: "waitForRequesterDays", kind: "number", min: 1, max: 180 },
    { name: "certificateFreshnessMonths", kind: "number", min: 1, max: 12 },
  ],
  retention: [
    { name: "documentRetentionDays", kind: "number", min: 1, max: 3650 },
    { name: "recordRetentionYears", kind: "number", min: 1, max: 30 },
    { name: "mailBodyRetentionDays", kind: "number", min: 1, max: 3650 },
  ],
  delivery: [
    { name: "methods", kind: "checkboxes", options: Object.values(DeliveryMethod) },
    { name: "downloadLinkDays", kind: "number", min: 1, max: 90 },
  ],
  mail: [
    { name: "from", kind: "text" },
    { name: "replyTo", kind: "email", optional: true },
  ],
  security: [
    { name: "staffSessionHours", kind: "number", min: 1, max: 24 },
    { name: "statusLinkDays", kind: "number", min: 1, max: 365 },
  ],
};

/** Posted form → nested group value. Numbers stay strings when not numeric, so zod names the field. */
export function settingsValueFromForm(key: SettingsKey, form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split(".");
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts.at(-1) ?? path] = value;
  };
  for (const f of settingsFields[key]) {
    if (f.kind === "checkboxes") {
      set(f.name, form.getAll(f.name).map(String));
      continue;
    }
    const raw = String(form.get(f.name) ?? "").trim();
    if (f.kind === "number")
      set(
        f.name,
        raw !== "" && /^-?\d+$/.test(raw.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
          ? Number(raw.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
          : raw,
      );
    else if ("optional" in f && f.optional && raw === "") continue;
    else set(f.name, raw);
  }
  return out;
}

/** Current value of a field for the form's defaults. */
export function settingsFieldValue(group: Record<string, unknown>, name: string): unknown {
  return name
    .split(".")
    .reduce<unknown>(
      (node, p) => (node && typeof node === "object" ? (node as Record<string, unknown>)[p] : undefined),
      group,
    );
}
