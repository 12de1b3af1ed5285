import type { JobHandler } from "./run-due-jobs";

// Job kinds and their handlers. Domains add theirs here; scheduled kinds also say how
// often they run, and the worker creates one row per slot so restarts never double them.
export const jobHandlers = new Map<string, JobHandler>();

export type Schedule = { kind: string; everyMinutes: number };
export const schedules: Schedule[] = [];

export function registerJob(kind: string, handler: JobHandler, schedule?: { everyMinutes: number }): void {
  jobHandlers.set(kind, handler);
  if (schedule && !schedules.some((s) => s.kind === kind)) schedules.push({ kind, ...schedule });
}
