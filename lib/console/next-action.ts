import type { FeeStatus, IdentityStatus, Outcome, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { needsIdentity } from "@/lib/requests/request-states";

// What the request page leads with (issue 17): the state and the one thing to do next,
// with the sections that hold its form. Everything else on the page is one click away.

export type NextAction =
  | "verifyIdentity"
  | "waitForRequester"
  | "awaitFee"
  | "decide"
  | "approve"
  | "buildPackage"
  | "publish"
  | "post"
  | "completeTasks"
  | "close"
  | "none";

/** Sections of the request page, by their anchor id. */
export type SectionId =
  "details" | "documents" | "identity" | "decision" | "tasks" | "package" | "notices" | "messages";

export type NextActionInput = {
  type: RequestType;
  status: RequestStatus;
  identity: IdentityStatus;
  fee: FeeStatus;
  outcome: Outcome | null;
  pendingApproval: boolean;
  package: { files: number; publishedAt: Date | null; deliveryMethod: string; postedOn: Date | null } | null;
  openTasks: number;
  tasks: number;
};

export type NextActionView = { action: NextAction; sections: SectionId[]; anchor: SectionId | "fee" | null };

const disclosed = (o: Outcome | null) => o === "FULFILLED" || o === "PARTIALLY_FULFILLED";

export function nextAction(r: NextActionInput): NextActionView {
  const view = (
    action: NextAction,
    sections: SectionId[],
    anchor: NextActionView["anchor"] = sections[0] ?? null,
  ): NextActionView => ({ action, sections, anchor });
  if (r.status === "CLOSED" || r.status === "WITHDRAWN" || r.status === "ABANDONED") return view("none", [], null);
  if (r.pendingApproval) return view("approve", ["decision"]);
  if (r.status === "WAITING_FOR_REQUESTER") return view("waitForRequester", ["identity", "documents", "messages"]);
  if (r.status === "DECIDED") {
    if (r.type === "DISCLOSURE" && disclosed(r.outcome)) {
      const pkg = r.package;
      if (!pkg || pkg.files === 0) return view("buildPackage", ["package"]);
      if (!pkg.publishedAt) return view("publish", ["package"]);
      if (pkg.deliveryMethod !== "ELECTRONIC" && !pkg.postedOn) return view("post", ["package"]);
      return view("close", ["package", "tasks"]);
    }
    if (r.openTasks > 0) return view("completeTasks", ["tasks"]);
    return view("close", ["tasks"]);
  }
  if (needsIdentity(r.type) && r.identity === "PENDING") return view("verifyIdentity", ["identity", "documents"]);
  // Deciding may start while the fee is awaited; the package is published once it is paid or waived.
  if (r.fee === "AWAITING_PAYMENT") return view("awaitFee", ["decision"], "fee");
  return view("decide", ["decision"]);
}
