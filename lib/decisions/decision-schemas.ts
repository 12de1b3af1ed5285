import { z } from "zod";
import type { Outcome, WithholdingGround } from "@/lib/generated/prisma/enums";
import { longText, requestRefSchema } from "@/lib/requests/shared-schemas";

// One decision form per request type (docs/design.md §3). Each schema is exported for the
// decision form's server action; decideRequest parses the union and checks the type matches.

/** Art 6.1 (1)–(4): the grounds on which a disclosure may be withheld in whole or part. */
export const ART_6_1_GROUNDS = [
  "IDENTITY_UNCONFIRMED",
  "HARM_TO_LIFE_OR_RIGHTS",
  "BUSINESS_IMPEDIMENT",
  "LEGAL_VIOLATION",
] as const;
export const CORRECTION_GROUNDS = ["INFORMATION_ACCURATE", "IDENTITY_UNCONFIRMED"] as const; // Art 7
export const SUSPENSION_GROUNDS = ["INVESTIGATION_FINDING", "IDENTITY_UNCONFIRMED"] as const; // Art 8

/** Refusals and partial refusals wait for a privacy officer (four eyes, docs/design.md §3). */
export const OUTCOMES_NEEDING_APPROVAL: readonly Outcome[] = [
  "NOT_FULFILLED",
  "PARTIALLY_FULFILLED",
  "ALTERNATIVE_MEASURE",
];

const grounds = <G extends readonly [WithholdingGround, ...WithholdingGround[]]>(allowed: G) =>
  z
    .array(z.object({ ground: z.enum(allowed), explanation: longText(2000) }))
    .max(allowed.length)
    .default([]);

const categories = z.array(z.number().int().min(1).max(11)).min(1).max(11).optional();

const common = {
  ...requestRefSchema.shape,
  /** Shown to the requester in the notice. */
  explanation: z.string().trim().max(4000).default(""),
  /** Kept inside the desk. */
  internalNote: z.string().trim().max(4000).optional(),
};

export const disclosureDecisionSchema = z.object({
  ...common,
  type: z.literal("DISCLOSURE"),
  outcome: z.enum(["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED", "NO_DATA_HELD"]),
  grounds: grounds(ART_6_1_GROUNDS),
  /** For a partial disclosure: which part is withheld. */
  withheldItems: z.string().trim().max(2000).optional(),
});

export const correctionDecisionSchema = z.object({
  ...common,
  type: z.literal("CORRECTION"),
  outcome: z.enum(["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED"]),
  /** Defaults to what the requester asked for. */
  action: z.enum(["CORRECT", "ADD", "DELETE"]).optional(),
  categories,
  grounds: grounds(CORRECTION_GROUNDS),
});

const stopFields = {
  ...common,
  outcome: z.enum(["FULFILLED", "PARTIALLY_FULFILLED", "ALTERNATIVE_MEASURE", "NOT_FULFILLED"]),
  categories,
  /** Art 8: what the necessary investigation found. */
  investigation: z.string().trim().max(4000).optional(),
  /** Art 8 proviso: the measure taken instead when suspension is very costly or difficult. */
  alternativeMeasure: z.string().trim().max(2000).optional(),
  grounds: grounds(SUSPENSION_GROUNDS),
};

export const suspensionDecisionSchema = z.object({
  ...stopFields,
  type: z.literal("SUSPENSION"),
  /** Suspend use or delete; defaults to what the requester asked for. */
  measure: z.enum(["SUSPEND_USE", "DELETE", "STOP_THIRD_PARTY"]).optional(),
});

export const thirdPartyStopDecisionSchema = z.object({ ...stopFields, type: z.literal("THIRD_PARTY_STOP") });

export const answerDecisionSchema = z.object({
  ...common,
  type: z.enum(["PURPOSE_NOTICE", "INQUIRY", "COMPLAINT"]),
  outcome: z.enum(["FULFILLED", "NOT_FULFILLED"]),
  grounds: grounds(ART_6_1_GROUNDS),
});

export const decideRequestSchema = z
  .discriminatedUnion("type", [
    disclosureDecisionSchema,
    correctionDecisionSchema,
    suspensionDecisionSchema,
    thirdPartyStopDecisionSchema,
    answerDecisionSchema,
  ])
  .superRefine((d, ctx) => {
    const refusing = d.outcome === "NOT_FULFILLED" || d.outcome === "PARTIALLY_FULFILLED";
    if (refusing && d.grounds.length === 0)
      ctx.addIssue({ code: "custom", path: ["grounds"], message: "console.errors.groundsRequired" });
    if (!refusing && d.grounds.length > 0)
      ctx.addIssue({ code: "custom", path: ["grounds"], message: "console.errors.groundsNotAllowed" });
    if (new Set(d.grounds.map((g) => g.ground)).size !== d.grounds.length)
      ctx.addIssue({ code: "custom", path: ["grounds"], message: "console.errors.groundRepeated" });
    if (d.outcome === "ALTERNATIVE_MEASURE" && !("alternativeMeasure" in d && d.alternativeMeasure))
      ctx.addIssue({ code: "custom", path: ["alternativeMeasure"], message: "console.errors.measureRequired" });
    if (d.type === "PURPOSE_NOTICE" || d.type === "INQUIRY" || d.type === "COMPLAINT") {
      if (!d.explanation) ctx.addIssue({ code: "custom", path: ["explanation"], message: "errors.required" });
    }
  });

export type DecideRequestInput = z.input<typeof decideRequestSchema>;
export type DecideRequest = z.output<typeof decideRequestSchema>;

const commonKeys = new Set(["requestId", "version", "explanation", "internalNote", "grounds", "outcome", "type"]);

/** Type-specific parts kept in Decision.details (no schema-wide fields). */
export function decisionDetails(d: DecideRequest): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).filter(([k, v]) => !commonKeys.has(k) && v !== undefined));
}
