import { readDetails } from "./affected-items";

// What the console shows a person for a task, as data the page words in its language.
// The stored Task.instructions line stays as it is for systems that read it over the API
// ("CORRECT [11]" is a fine machine line, but not text for staff: issue 17, bug 8).

export type TaskInstructionView = {
  categories: number[];
  /** The alternative measure the decision names, in staff's own words. */
  measure: string | null;
  items: { category: number; current: string | null; corrected: string | null }[];
  recipient: string | null;
};

export function taskInstructionView(
  task: { categories: number[]; action: string },
  requestDetails: unknown,
  decisionDetails: unknown,
): TaskInstructionView {
  const d = readDetails(requestDetails);
  const decided =
    decisionDetails && typeof decisionDetails === "object" && !Array.isArray(decisionDetails)
      ? (decisionDetails as Record<string, unknown>)
      : {};
  return {
    categories: task.categories,
    measure:
      task.action === "ALTERNATIVE_MEASURE" && typeof decided.alternativeMeasure === "string"
        ? decided.alternativeMeasure
        : null,
    items: (d.items ?? [])
      .filter((i) => task.categories.includes(i.category))
      .map((i) => ({ category: i.category, current: i.current ?? null, corrected: i.corrected ?? null })),
    recipient: d.recipient ?? null,
  };
}
