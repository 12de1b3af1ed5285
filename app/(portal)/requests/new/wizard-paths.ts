import type { WizardStep } from "@/lib/requests/wizard-values";

/** Where each wizard step lives; the first one is the wizard's own address. */
export const stepPath = (step: WizardStep | "done"): string =>
  step === "type" ? "/requests/new" : `/requests/new/${step}`;
