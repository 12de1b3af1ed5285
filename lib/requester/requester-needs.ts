import type {
  DocumentHolder,
  DocumentKind,
  DocumentReview,
  FeeStatus,
  IdentityStatus,
  MessageAuthor,
  RequestStatus,
  RequestType,
  RequesterKind,
} from "@/lib/generated/prisma/enums";
import { missingDocuments } from "@/lib/requests/document-rules";
import { isOpen, needsIdentity } from "@/lib/requests/request-states";

// What the requester must do next, in words they understand (message keys "needs.*").
// Pure: derived from the request's state, its documents and the message thread.

export type RequesterNeedKind =
  "DOCUMENTS" | "POST_DOCUMENTS" | "CLEARER_COPY" | "UNMASKED_COPY" | "PAYMENT" | "ANSWER";
export type RequesterNeed = { kind: RequesterNeedKind; key: string; documentKinds?: DocumentKind[] };

export type NeedsInput = {
  type: RequestType;
  status: RequestStatus;
  identity: IdentityStatus;
  fee: FeeStatus;
  requesterKind: RequesterKind;
  documentsByPost: boolean;
  documents: { kind: DocumentKind; holder: DocumentHolder; review: DocumentReview }[];
  /** Authors of the visible messages, oldest first. */
  messageAuthors: MessageAuthor[];
};

const need = (kind: RequesterNeedKind, documentKinds?: DocumentKind[]): RequesterNeed => ({
  kind,
  key: `needs.${kind}`,
  ...(documentKinds ? { documentKinds } : {}),
});

export function requesterNeeds(r: NeedsInput): RequesterNeed[] {
  if (!isOpen(r.status)) return [];
  const needs: RequesterNeed[] = [];
  if (needsIdentity(r.type) && r.identity === "PENDING") {
    const byReview = (review: DocumentReview) => r.documents.filter((d) => d.review === review).map((d) => d.kind);
    if (byReview("UNCLEAR").length) needs.push(need("CLEARER_COPY", byReview("UNCLEAR")));
    if (byReview("UNMASKED").length) needs.push(need("UNMASKED_COPY", byReview("UNMASKED")));
    // An unclear or unmasked copy is to be replaced, not missing: it is asked for above.
    const usable = r.documents.filter((d) => d.review !== "REJECTED");
    if (missingDocuments(r.requesterKind, usable).length)
      needs.push(need(r.documentsByPost && byReview("REJECTED").length === 0 ? "POST_DOCUMENTS" : "DOCUMENTS"));
  }
  if (r.fee === "AWAITING_PAYMENT") needs.push(need("PAYMENT"));
  // Staff spoke last, or the request waits for something not covered above.
  const lastAuthor = r.messageAuthors.filter((a) => a !== "SYSTEM").at(-1);
  if (r.status === "WAITING_FOR_REQUESTER" && (lastAuthor === "STAFF" || needs.length === 0))
    needs.push(need("ANSWER"));
  return needs;
}

/** Message keys for the status in plain words. */
export function statusWords(status: RequestStatus): { titleKey: string; descriptionKey: string } {
  return { titleKey: `status.${status}.title`, descriptionKey: `status.${status}.description` };
}
