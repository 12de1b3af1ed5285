import type { DeadlineStatus } from "@/lib/deadlines/deadline-clock";
import { Badge } from "@/components/ui/alert";

const tones = {
  paused: "neutral",
  overdue: "danger",
  due_soon: "warning",
  on_track: "success",
  stopped: "info",
} as const;

/**
 * Days left as the desk sees it: paused while waiting for the requester, overdue in
 * red, due soon in amber. `label` is console.deadline.<status> already translated.
 */
export function DeadlineBadge({ status, label }: { status: DeadlineStatus; label: string }) {
  return (
    <span data-testid="deadline-badge" data-status={status}>
      <Badge tone={tones[status]}>{label}</Badge>
    </span>
  );
}
