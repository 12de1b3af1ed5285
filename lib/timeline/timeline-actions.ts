// Audit actions the request timeline knows how to say in words. Each maps to
// console.timeline.<action> in messages/{ja,en}/console.json; anything else (a newer
// action) shows as console.timeline.other with the raw action name.
export const timelineActions = [
  "request.submitted",
  "request.seeded",
  "request.created_offline",
  "request.assigned",
  "request.withdrawn",
  "request.abandoned",
  "request.closed",
  "request.decided",
  "request.resumed",
  "document.viewed",
  "file.viewed",
  "identity.checked",
  "identity.clearer_copy_requested",
  "decision.recorded",
  "decision.submitted_for_approval",
  "decision.approved",
  "decision.sent_back",
  "task.created",
  "task.completed",
  "package.created",
  "package.updated",
  "package.file_added",
  "package.file_removed",
  "package.provision_records_added",
  "package.published",
  "package.posted",
  "notice.sent",
  "notice.posted",
  "note.added",
  "message.sent",
  "message.received",
  "fee.waived",
  "fee.paid",
  "payment.recorded",
  "refund.recorded",
] as const;

export function timelineMessageKey(action: string): string {
  return (timelineActions as readonly string[]).includes(action)
    ? `console.timeline.${action}`
    : "console.timeline.other";
}
