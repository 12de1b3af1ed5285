import { z } from "zod";
import { DeliveryMethod } from "@/lib/generated/prisma/enums";
import { CATEGORY_NUMBERS, PURPOSE_NUMBERS } from "./policy-items";
import { calendarDate, checkbox, choice, limits, listNumber, missingOr, optionalText } from "./schema-fields";
import { jstDate } from "@/lib/dates";

// What each request type states beyond the common fields (docs/design.md §2).
// Stored as Request.details; the console reads it back with parseStoredDetails.

export const DELIVERY_METHODS = Object.values(DeliveryMethod);
import { CORRECTION_ACTIONS, SUSPENSION_GROUNDS, SUSPENSION_WANTED, THIRD_PARTY_STOP_GROUNDS } from "./request-choices";
export { CORRECTION_ACTIONS, SUSPENSION_GROUNDS, SUSPENSION_WANTED, THIRD_PARTY_STOP_GROUNDS };

export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];
export type SuspensionWanted = (typeof SUSPENSION_WANTED)[number];

/** Which remedies a ground supports: Art 35(1) grounds → use; 35(3) → provision; 35(5) → either. */
export function wantedFor(ground: SuspensionGround): readonly SuspensionWanted[] {
  if (ground === "BEYOND_PURPOSE" || ground === "IMPROPER_ACQUISITION") return ["SUSPEND_USE", "DELETE"];
  if (ground === "THIRD_PARTY_WITHOUT_CONSENT") return ["STOP_THIRD_PARTY"];
  return SUSPENSION_WANTED;
}

const categories = () =>
  z
    .array(listNumber(CATEGORY_NUMBERS), { error: missingOr("errors.invalid") })
    .min(1, { error: "errors.categoriesRequired" })
    .max(CATEGORY_NUMBERS.length, { error: "errors.tooMany" })
    .transform((list) => [...new Set(list)].sort((a, b) => a - b));

const optionalPurpose = () =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), listNumber(PURPOSE_NUMBERS).optional());

const optionalDate = () => z.preprocess((v) => (v === "" || v === null ? undefined : v), calendarDate().optional());

export const disclosureDetailsSchema = z
  .object({
    categories: categories(),
    /** The period the information is about; either end may be left open. */
    period: z
      .object({ from: optionalDate(), to: optionalDate() }, { error: missingOr("errors.invalid") })
      .default({ from: undefined, to: undefined }),
    deliveryMethod: choice(DELIVERY_METHODS),
    /** Required when the delivery method is OTHER: what the person proposes. */
    deliveryNote: optionalText(limits.note),
    /** Third-party provision records too (APPI Art 33(5)). */
    includeProvisionRecords: checkbox(),
  })
  .superRefine((d, ctx) => {
    const { from, to } = d.period;
    const today = jstDate(new Date());
    if (from && to && from > to)
      ctx.addIssue({ code: "custom", path: ["period", "to"], message: "errors.periodOrder" });
    if (from && from > today)
      ctx.addIssue({ code: "custom", path: ["period", "from"], message: "errors.dateInFuture" });
    if (d.deliveryMethod === "OTHER" && !d.deliveryNote)
      ctx.addIssue({ code: "custom", path: ["deliveryNote"], message: "errors.required" });
  });

const correctionItem = z.object(
  {
    category: listNumber(CATEGORY_NUMBERS),
    /** What the information says now (what to delete, for DELETE). */
    current: optionalText(limits.value),
    /** What it should say (what to add, for ADD). */
    corrected: optionalText(limits.value),
  },
  { error: missingOr("errors.invalid") },
);

export const correctionDetailsSchema = z
  .object({
    action: choice(CORRECTION_ACTIONS),
    items: z
      .array(correctionItem, { error: missingOr("errors.invalid") })
      .min(1, { error: "errors.required" })
      .max(limits.correctionItems, { error: "errors.tooMany" }),
    reason: optionalText(limits.note),
  })
  .superRefine((d, ctx) => {
    d.items.forEach((item, i) => {
      if (d.action !== "ADD" && !item.current)
        ctx.addIssue({ code: "custom", path: ["items", i, "current"], message: "errors.required" });
      if (d.action !== "DELETE" && !item.corrected)
        ctx.addIssue({ code: "custom", path: ["items", i, "corrected"], message: "errors.required" });
    });
  });

export const suspensionDetailsSchema = z
  .object({
    categories: categories(),
    ground: choice(SUSPENSION_GROUNDS),
    /** Art 2.2 item the use goes beyond, for BEYOND_PURPOSE. */
    purpose: optionalPurpose(),
    wanted: choice(SUSPENSION_WANTED),
    /** The recipient, when stopping provision to a third party, if known. */
    recipient: optionalText(limits.shortText),
    explanation: optionalText(limits.note),
  })
  .superRefine((d, ctx) => {
    if (d.ground === "BEYOND_PURPOSE" && d.purpose === undefined)
      ctx.addIssue({ code: "custom", path: ["purpose"], message: "errors.purposeRequired" });
    if (!wantedFor(d.ground).includes(d.wanted))
      ctx.addIssue({ code: "custom", path: ["wanted"], message: "errors.wantedNotForGround" });
  })
  .transform((d) => (d.ground === "BEYOND_PURPOSE" ? d : { ...d, purpose: undefined }));

export const thirdPartyStopDetailsSchema = z.object({
  categories: categories(),
  /** Which provision to stop: the recipient, if the person knows it. */
  recipient: optionalText(limits.shortText),
  ground: choice(THIRD_PARTY_STOP_GROUNDS),
  explanation: optionalText(limits.note),
});

/** APPI Art 32: asking which purposes apply needs nothing more; a note is optional. */
export const purposeNoticeDetailsSchema = z.object({ note: optionalText(limits.note) });

export type DisclosureDetails = z.output<typeof disclosureDetailsSchema>;
export type CorrectionDetails = z.output<typeof correctionDetailsSchema>;
export type SuspensionDetails = z.output<typeof suspensionDetailsSchema>;
export type ThirdPartyStopDetails = z.output<typeof thirdPartyStopDetailsSchema>;
export type PurposeNoticeDetails = z.output<typeof purposeNoticeDetailsSchema>;
