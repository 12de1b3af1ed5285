import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, DAY } from "@/tests/helpers/request-fixtures";
import { checkReadiness, MAIL_STALE_AFTER_SECONDS } from "@/lib/operations/check-readiness";
import { metrics, metricsDatabase, routeLabel } from "@/lib/server/metrics";
import { CLIENT_FORWARDED_HEADER, metricsAllowed, PEER_HEADER } from "@/lib/operations/metrics-access";
import { GET as health } from "@/app/api/health/route";

async function scrape(): Promise<string> {
  metricsDatabase(async () => prisma);
  return metrics().registry.metrics();
}

describe("operators' endpoints", () => {
  beforeEach(resetDatabase);

  it("is live without asking anything, and ready when the database and the file store answer", async () => {
    expect(await health().json()).toEqual({ status: "ok" });
    expect(await checkReadiness(prisma)).toEqual({
      ready: true,
      draining: false,
      database: "ok",
      storage: "ok",
      mail: { backlog: 0, oldestSeconds: 0, status: "ok" },
    });
  });

  it("reports old unsent mail as stale without taking the server out of rotation", async () => {
    await prisma.outboxMessage.create({
      data: {
        toAddress: "x@example.com",
        subject: "s",
        html: "",
        text: "",
        kind: "test",
        createdAt: new Date(Date.now() - (MAIL_STALE_AFTER_SECONDS + 60) * 1000),
      },
    });
    const r = await checkReadiness(prisma);
    expect(r.ready).toBe(true);
    expect(r.mail).toMatchObject({ backlog: 1, status: "stale" });
  });

  it("exports queue, mail, filings and overdue figures from the database", async () => {
    await createRequest({ status: "IN_PROGRESS", arrivedAt: new Date(Date.now() - 30 * DAY) });
    await createRequest({ status: "RECEIVED" });
    await prisma.job.create({ data: { kind: "test.kind", runAt: new Date(Date.now() - 90_000) } });
    metrics().httpRequests.inc({
      route: routeLabel("/api/status/package/clx0abcdefghijklmnopqrstu"),
      method: "GET",
      status: "200",
    });
    const text = await scrape();
    expect(text).toMatch(/^madoguchi_requests_overdue 1$/m);
    expect(text).toMatch(/^madoguchi_requests\{type="DISCLOSURE",status="RECEIVED"\} 1$/m);
    expect(text).toMatch(/^madoguchi_jobs_due 1$/m);
    expect(text).toMatch(/^madoguchi_jobs_lag_seconds (9\d|1\d\d)(\.\d+)?$/m);
    expect(text).toMatch(/^madoguchi_mail_backlog 0$/m);
    expect(text).toContain(
      'madoguchi_http_requests_total{route="/api/status/package/:id",method="GET",status="200"} 1',
    );
  });

  it("labels routes without ids, tokens or references", () => {
    expect(routeLabel("/status/t/Zx9_kLmN0pQrStUvWxYz0123456789ab")).toBe("/status/t/:id");
    expect(routeLabel("/console/requests/cm3abcdefghijklmnopqrstu/documents/cm3zyxwvutsrqponmlkjihgf")).toBe(
      "/console/requests/:id/documents/:id",
    );
    expect(routeLabel("/en/requests/new?x=1")).toBe("/en/requests/new");
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next");
  });

  it("serves metrics only to this machine when no token is set, never on a forwarded header", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(metricsAllowed(h({ [PEER_HEADER]: "127.0.0.1" }))).toBe(true);
    expect(metricsAllowed(h({ [PEER_HEADER]: "::1" }))).toBe(true);
    expect(metricsAllowed(h({ [PEER_HEADER]: "10.0.0.5" }))).toBe(false);
    expect(metricsAllowed(h({ [PEER_HEADER]: "127.0.0.1", [CLIENT_FORWARDED_HEADER]: "1" }))).toBe(false);
    // Next adds X-Forwarded-For (the socket's address) to every request that has none.
    expect(metricsAllowed(h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" }))).toBe(true);
    expect(metricsAllowed(h({}))).toBe(false);
  });
});
