import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

// Which states a request can be worked in, in one place so every operation agrees.
export const openStatuses: readonly RequestStatus[] = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER"];
/** A request has ended: nothing more is done on it, and retention counts from here. */
export const endedStatuses: readonly RequestStatus[] = ["CLOSED", "WITHDRAWN", "ABANDONED"];

export function isOpen(status: RequestStatus): boolean {
  return openStatuses.includes(status);
}

/** Inquiries and complaints need no identity documents (docs/design.md §2). */
export function needsIdentity(type: RequestType): boolean {
  return type !== "INQUIRY" && type !== "COMPLAINT";
}

/** Where mail to the requester goes: the agent when one acts, else the subject. */
export function requesterEmail(r: {
  requesterKind: string;
  email: string | null;
  agentEmail: string | null;
}): string | null {
  return (r.requesterKind !== "SELF" ? (r.agentEmail ?? r.email) : r.email) ?? null;
}
