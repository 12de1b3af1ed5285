// What a Lighthouse run spent its main-thread time on (issue 19, the Lighthouse note): the
// breakdown by kind of work, the scripts that cost the most to evaluate, and the long tasks,
// kept in bench/results.json beside each run's scores. bench/README.md.

type Audit = { numericValue?: number; details?: unknown };

const ms = (v: unknown) => Math.round(Number(v) || 0);

/** Main-thread work by group, script bootup by URL (top 5), long tasks (top 5), all in ms. */
export function lighthouseBreakdown(audits: Record<string, Audit> | undefined): Record<string, unknown> {
  if (!audits) return {};
  const items = (id: string): Record<string, unknown>[] => {
    const d = audits[id]?.details;
    return d && typeof d === "object" && "items" in d && Array.isArray(d.items)
      ? (d.items as Record<string, unknown>[])
      : [];
  };
  const path = (u: unknown) => {
    try {
      return new URL(String(u)).pathname;
    } catch {
      return String(u);
    }
  };
  return {
    mainThreadMs: ms(audits["mainthread-work-breakdown"]?.numericValue),
    mainThread: Object.fromEntries(items("mainthread-work-breakdown").map((i) => [String(i.group), ms(i.duration)])),
    bootupMs: ms(audits["bootup-time"]?.numericValue),
    bootup: items("bootup-time")
      .slice(0, 5)
      .map((i) => ({
        url: path(i.url),
        total: ms(i.total),
        scripting: ms(i.scripting),
        parse: ms(i.scriptParseCompile),
      })),
    longTasks: items("long-tasks")
      .slice(0, 5)
      .map((i) => ({ url: path(i.url), start: ms(i.startTime), duration: ms(i.duration) })),
  };
}
