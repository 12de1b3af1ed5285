import { describe, expect, it } from "vitest";
import { nextAction, type NextActionInput } from "@/lib/console/next-action";

const base: NextActionInput = {
  type: "DISCLOSURE",
  status: "RECEIVED",
  identity: "PENDING",
  fee: "AWAITING_PAYMENT",
  outcome: null,
  pendingApproval: false,
  package: null,
  openTasks: 0,
  tasks: 0,
};
const pkg = (over: Partial<NonNullable<NextActionInput["package"]>> = {}) => ({
  files: 1,
  publishedAt: null,
  deliveryMethod: "ELECTRONIC",
  postedOn: null,
  ...over,
});

describe("the request page's next action (issue 17)", () => {
  it("follows a disclosure from identity to closing", () => {
    expect(nextAction(base)).toMatchObject({ action: "verifyIdentity", sections: ["identity", "documents"] });
    expect(nextAction({ ...base, status: "WAITING_FOR_REQUESTER" }).action).toBe("waitForRequester");
    expect(nextAction({ ...base, status: "IN_PROGRESS", identity: "VERIFIED" })).toMatchObject({
      action: "awaitFee",
      sections: ["decision"],
    });
    expect(nextAction({ ...base, status: "IN_PROGRESS", identity: "VERIFIED", fee: "PAID" })).toMatchObject({
      action: "decide",
      sections: ["decision"],
    });
    expect(
      nextAction({ ...base, status: "IN_PROGRESS", identity: "VERIFIED", fee: "PAID", pendingApproval: true }).action,
    ).toBe("approve");
    const decided = {
      ...base,
      status: "DECIDED" as const,
      identity: "VERIFIED" as const,
      fee: "PAID" as const,
      outcome: "PARTIALLY_FULFILLED" as const,
    };
    expect(nextAction(decided)).toMatchObject({ action: "buildPackage", sections: ["package"] });
    expect(nextAction({ ...decided, package: pkg({ files: 0 }) }).action).toBe("buildPackage");
    expect(nextAction({ ...decided, package: pkg() }).action).toBe("publish");
    expect(nextAction({ ...decided, package: pkg({ publishedAt: new Date(), deliveryMethod: "POST" }) }).action).toBe(
      "post",
    );
    expect(nextAction({ ...decided, status: "CLOSED" })).toMatchObject({ action: "none", sections: [] });
  });

  it("sends other types to their tasks, and needs no identity for inquiries", () => {
    const correction = {
      ...base,
      type: "CORRECTION" as const,
      fee: "NOT_REQUIRED" as const,
      identity: "VERIFIED" as const,
      status: "DECIDED" as const,
      outcome: "FULFILLED" as const,
    };
    expect(nextAction({ ...correction, openTasks: 2, tasks: 3 })).toMatchObject({
      action: "completeTasks",
      sections: ["tasks"],
    });
    expect(nextAction({ ...correction, openTasks: 0, tasks: 3 }).action).toBe("close");
    expect(nextAction({ ...base, type: "INQUIRY", identity: "NOT_REQUIRED", fee: "NOT_REQUIRED" }).action).toBe(
      "decide",
    );
    expect(
      nextAction({ ...base, type: "DISCLOSURE", status: "DECIDED", outcome: "NOT_FULFILLED", identity: "FAILED" })
        .action,
    ).toBe("close");
  });
});
