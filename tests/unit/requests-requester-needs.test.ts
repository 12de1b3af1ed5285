import { describe, expect, it } from "vitest";
import { requesterNeeds, statusWords, type NeedsInput } from "@/lib/requester/requester-needs";
import { requestText } from "@/lib/requests/request-messages";
import { RequestStatus } from "@/lib/generated/prisma/enums";

const base: NeedsInput = {
  type: "DISCLOSURE",
  status: "RECEIVED",
  identity: "PENDING",
  fee: "NOT_REQUIRED",
  requesterKind: "SELF",
  documentsByPost: false,
  documents: [{ kind: "PASSPORT", holder: "SUBJECT", review: "UNREVIEWED" }],
  messageAuthors: [],
};
const kinds = (input: Partial<NeedsInput>) => requesterNeeds({ ...base, ...input }).map((n) => n.kind);

describe("what the requester is asked for", () => {
  it("asks for nothing when the documents are complete and nothing is due", () => {
    expect(kinds({})).toEqual([]);
    expect(kinds({ status: "CLOSED", fee: "AWAITING_PAYMENT", documents: [] })).toEqual([]);
  });

  it("asks an agent for the missing authority documents", () => {
    expect(
      kinds({
        requesterKind: "APPOINTED_AGENT",
        documents: [{ kind: "PASSPORT", holder: "AGENT", review: "ACCEPTED" }],
      }),
    ).toEqual(["DOCUMENTS"]);
  });

  it("waits for posted copies, but asks again when a posted copy was rejected", () => {
    expect(kinds({ documentsByPost: true, documents: [] })).toEqual(["POST_DOCUMENTS"]);
    expect(
      kinds({ documentsByPost: true, documents: [{ kind: "PASSPORT", holder: "SUBJECT", review: "REJECTED" }] }),
    ).toEqual(["DOCUMENTS"]);
  });

  it("asks for a masked copy, payment and an answer", () => {
    const needs = requesterNeeds({
      ...base,
      status: "WAITING_FOR_REQUESTER",
      fee: "AWAITING_PAYMENT",
      documents: [{ kind: "MY_NUMBER_CARD", holder: "SUBJECT", review: "UNMASKED" }],
      messageAuthors: ["REQUESTER", "STAFF"],
    });
    expect(needs).toEqual([
      { kind: "UNMASKED_COPY", key: "needs.UNMASKED_COPY", documentKinds: ["MY_NUMBER_CARD"] },
      { kind: "PAYMENT", key: "needs.PAYMENT" },
      { kind: "ANSWER", key: "needs.ANSWER" },
    ]);
    expect(kinds({ status: "WAITING_FOR_REQUESTER", messageAuthors: ["STAFF", "REQUESTER"] })).toEqual(["ANSWER"]);
  });

  it("needs no identity documents for inquiries", () => {
    expect(kinds({ type: "INQUIRY", identity: "NOT_REQUIRED", documents: [] })).toEqual([]);
  });

  it("has words for every status and need in both languages", () => {
    for (const status of Object.values(RequestStatus)) {
      const { titleKey, descriptionKey } = statusWords(status);
      for (const locale of ["ja", "en"] as const)
        expect(requestText(locale, titleKey) + requestText(locale, descriptionKey)).not.toBe("");
    }
    for (const kind of ["DOCUMENTS", "POST_DOCUMENTS", "CLEARER_COPY", "UNMASKED_COPY", "PAYMENT", "ANSWER"])
      expect(requestText("en", `needs.${kind}`)).toBeTruthy();
  });
});
