import type { WizardRequestType } from "@/lib/requests/request-choices";

// Which articles of the privacy policy each request type rests on, in one place so the
// landing page, the wizard's type and details steps and the postal form cite the same
// ones. Art 6 is disclosure, Art 7 correction, Art 8 suspension of use and erasure only;
// the policy has no article of its own for stopping provision to third parties: Art 3
// says when the company provides to third parties, and Art 11 takes requests to refuse
// "use or provision". Art 11 is also where a notice of the purposes of use is asked for.
export const REQUEST_TYPE_ARTICLES: Record<WizardRequestType, readonly number[]> = {
  DISCLOSURE: [6],
  CORRECTION: [7],
  SUSPENSION: [8],
  THIRD_PARTY_STOP: [3, 11],
  PURPOSE_NOTICE: [11],
};

/** Every article that some request type cites, in order, for "how each request works" lists. */
export const REQUEST_ARTICLES: readonly number[] = [...new Set(Object.values(REQUEST_TYPE_ARTICLES).flat())].sort(
  (a, b) => a - b,
);
