// The app server `npm start` runs: Next's production handler inside a plain Node HTTP
// server, so that every request gets an id for its log lines, is counted for /api/metrics,
// and SIGTERM drains instead of dropping (docs/deploy.md).
// Usage: node --import tsx scripts/server.ts   (PORT, default 3000; HOSTNAME, default all)
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { requestStore } from "@/lib/server/request-context";
import { logger } from "@/lib/server/log";
import { metrics, routeLabel } from "@/lib/server/metrics";
import { markDraining, runShutdownHooks } from "@/lib/server/shutdown";
import { CLIENT_FORWARDED_HEADER, PEER_HEADER } from "@/lib/operations/metrics-access";

/** Longest a SIGTERM waits for requests in flight and claimed jobs before giving up. */
const DRAIN_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);

const log = logger();
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
let draining = false;
let inFlight = 0;

function requestIdOf(req: http.IncomingMessage): string {
  // A reverse proxy's id is kept so one id follows the request through both logs.
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{8,100}$/.test(given) ? given : crypto.randomUUID();
}

/**
 * The configuration `next build` resolved and wrote beside the build. Given to Next, it does
 * not evaluate next.config.ts again, which would load the SWC compiler and the next-intl
 * plugin (~35 MB of native code) into the server for nothing (ADR 0018).
 */
function adoptBuiltConfig(): void {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const file = path.join(process.cwd(), distDir, "required-server-files.json");
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || !fs.existsSync(file)) return;
  const built = JSON.parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> };
  // The build is where it was found, whatever folder it was made in (a copied or linked build).
  if (built.config) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...built.config, distDir });
}

async function main(): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  adoptBuiltConfig();
  // tsx turns Node's source maps on for this script; left on, Node would also read and keep
  // the map of every Next chunk the server loads (~15 MB of heap at idle, ADR 0018). Logs
  // carry error names only, so mapped stack traces would add nothing to them.
  process.setSourceMapsEnabled(false);
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const m = metrics();

  const server = http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    const started = process.hrtime.bigint();
    res.setHeader("x-request-id", requestId);
    // Only the socket decides who is local (metrics without a token).
    delete req.headers[PEER_HEADER];
    delete req.headers[CLIENT_FORWARDED_HEADER];
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    if (req.headers["x-forwarded-for"] !== undefined) req.headers[CLIENT_FORWARDED_HEADER] = "1";
    if (draining) res.setHeader("connection", "close");
    inFlight++;
    res.on("close", () => {
      inFlight--;
      // A keep-alive socket that just finished its last response must not hold shutdown up.
      if (draining) server.closeIdleConnections();
      const route = routeLabel(req.url ?? "/");
      const method = req.method ?? "GET";
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      m.httpRequests.inc({ route, method, status: String(res.statusCode) });
      m.httpDuration.observe({ route, method }, seconds);
      requestStore().run({ requestId }, () =>
        log.info(
          {
            method,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          "request",
        ),
      );
    });
    requestStore().run({ requestId }, () => {
      handle(req, res).catch((e: unknown) => {
        log.error({ err: e instanceof Error ? e.name : "unknown" }, "request handler failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => log.info({ port }, "listening"));

  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    markDraining();
    log.info({ signal, inFlight }, "stopping: no new connections, finishing requests in flight");
    const hard = setTimeout(() => {
      log.error({ inFlight }, "requests still in flight after the drain period; exiting");
      process.exit(1);
    }, DRAIN_MS);
    hard.unref();
    // Stop listening; idle keep-alive sockets close now, busy ones after their response.
    server.close(() => {
      void runShutdownHooks().then(() => {
        log.info("stopped");
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => shutdown(sig));
}

main().catch((e: unknown) => {
  log.fatal({ err: e instanceof Error ? e.name : "unknown" }, "server failed to start");
  process.exit(1);
});
