import type { Outcome, RequestType } from "@/lib/generated/prisma/enums";

// "Fulfilled (disclosed)" only fits a disclosure: a correction, suspension or stop that
// was done is "fulfilled", not "disclosed" (issue 17, bug 8). The message key under
// "console" for an outcome of this type of request.
const actionOutcomes: readonly Outcome[] = ["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED"];

export function outcomeLabelKey(type: RequestType, outcome: Outcome | string): string {
  return type !== "DISCLOSURE" && (actionOutcomes as readonly string[]).includes(outcome)
    ? `outcomeAction.${outcome}`
    : `outcome.${outcome}`;
}
