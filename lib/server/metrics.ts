import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Prometheus metrics. Request counts are kept per process by the server script; the queue,
// mail, filing and deadline figures are read from the database at scrape time, so every
// app server reports the same (shared) numbers and nothing is lost on restart. Like the
// logger, the registry lives on globalThis: the server script and Next's bundled route
// handler are separate module copies in one process.

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  database?: () => Promise<PrismaClient>;
};

const KEY = Symbol.for("madoguchi.metrics");
type Holder = { [KEY]?: Metrics };

/** Route label: ids, tokens and references become `:id`, so the label set stays small and holds no personal data. */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next";
  const parts = (pathname.split("?")[0] ?? "").split("/").slice(0, 8);
  return (
    parts
      .map((p) =>
        /^\d+$/.test(p) ||
        p.length >= 16 ||
        /^DSR-/i.test(p) ||
        /^[a-z0-9]{20,}$/i.test(p) ||
        /[A-Z].*\d|\d.*[A-Z]/.test(p)
          ? ":id"
          : p,
      )
      .join("/") || "/"
  );
}

/** The database the scrape-time gauges read (set by the metrics route). */
export function metricsDatabase(get: () => Promise<PrismaClient>): void {
  metrics().database = get;
}

const OPEN_STATUSES = ["RECEIVED", "IN_PROGRESS"] as const;

function create(): Metrics {
  const registry = new Registry();
  const httpRequests = new Counter({
    name: "madoguchi_http_requests_total",
    help: "HTTP requests served by this process, by route and status",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "madoguchi_http_request_duration_seconds",
    help: "Time to serve an HTTP request",
    labelNames: ["route", "method"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    collect: (g: Gauge, db: PrismaClient) => Promise<void>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const database = metrics().database;
        if (!database) return;
        this.reset();
        await collect(this, await database());
      },
    });
  gauge("madoguchi_jobs_due", "Background jobs due and not yet claimed (queue depth)", [], async (g, db) => {
    g.set(await db.job.count({ where: { status: "PENDING", runAt: { lte: new Date() } } }));
  });
  gauge("madoguchi_jobs_running", "Background jobs claimed by a worker", [], async (g, db) => {
    g.set(await db.job.count({ where: { status: "RUNNING" } }));
  });
  gauge("madoguchi_jobs_lag_seconds", "How long the oldest due job has waited (0 when none)", [], async (g, db) => {
    const oldest = await db.job.findFirst({
      where: { status: "PENDING", runAt: { lte: new Date() } },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    });
    g.set(oldest ? (Date.now() - oldest.runAt.getTime()) / 1000 : 0);
  });
  gauge("madoguchi_jobs_failed", "Background jobs that gave up after their last attempt", [], async (g, db) => {
    g.set(await db.job.count({ where: { status: "FAILED" } }));
  });
  gauge("madoguchi_mail_backlog", "Outgoing mail not yet sent", [], async (g, db) => {
    g.set(await db.outboxMessage.count({ where: { status: "PENDING" } }));
  });
  gauge("madoguchi_mail_backlog_age_seconds", "Age of the oldest unsent mail (0 when none)", [], async (g, db) => {
    const oldest = await db.outboxMessage.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    g.set(oldest ? (Date.now() - oldest.createdAt.getTime()) / 1000 : 0);
  });
  gauge("madoguchi_requests", "Requests filed, by type and status", ["type", "status"], async (g, db) => {
    const rows = await db.request.groupBy({ by: ["type", "status"], _count: { _all: true } });
    for (const r of rows) g.set({ type: r.type, status: r.status }, r._count._all);
  });
  gauge("madoguchi_requests_overdue", "Requests past their deadline with the clock running", [], async (g, db) => {
    g.set(
      await db.request.count({
        where: { status: { in: [...OPEN_STATUSES] }, pausedAt: null, dueAt: { lt: new Date() } },
      }),
    );
  });
  return { registry, httpRequests, httpDuration };
}

export function metrics(): Metrics {
  const g = globalThis as Holder;
  g[KEY] ??= create();
  return g[KEY];
}
