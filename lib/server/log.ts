import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-context";

// One JSON line per event on stdout, with the request id of the request being served.
// Personal data never goes in: callers log ids, codes and counts, and the fields that could
// hold it are redacted in case one slips through. Under Vitest an error line goes to
// console.error, so the suite's "any console.error fails a test" still catches it.

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

function testDestination(): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown> & { level: number; msg?: string };
      if (entry.level < 50) return;
      const fields = Object.fromEntries(
        Object.entries(entry).filter(([k]) => !["level", "msg", "time", "pid"].includes(k)),
      );
      console.error(`[${LEVELS[entry.level]}] ${entry.msg ?? ""} ${JSON.stringify(fields)}`);
    },
  };
}

function level(): string {
  const wanted = process.env.LOG_LEVEL;
  return wanted && Object.values(LEVELS).concat("silent").includes(wanted) ? wanted : "info";
}

function create(): Logger {
  const options = {
    level: level(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ["email", "name", "address", "phone", "*.email", "*.name", "*.address", "*.phone"],
      censor: "[redacted]",
    },
  };
  return process.env.NODE_ENV === "test" ? pino({ ...options, formatters: {} }, testDestination()) : pino(options);
}

const KEY = Symbol.for("madoguchi.logger");
type Holder = { [KEY]?: Logger };

/** The process's logger (shared by the server script and Next's bundled code). */
export function logger(): Logger {
  const g = globalThis as Holder;
  g[KEY] ??= create();
  return g[KEY];
}

/** An error as name and code only (e.g. PrismaClientKnownRequestError P2034): messages can quote data. */
export function errorFields(e: unknown): { err: string; code?: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return { err: e instanceof Error ? e.name : "unknown", ...(typeof code === "string" ? { code } : {}) };
}
