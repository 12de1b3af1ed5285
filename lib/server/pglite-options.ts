// How every embedded database (the desk's own, the connected demo target, the tests') is
// started. PGlite's defaults size PostgreSQL for a server of its own (128 MB of shared
// buffers, touched as pages are read); Madoguchi's embedded default runs inside the app
// server, whose whole process should stay under 400 MB (issue 19.2, ADR 0023).
import { PGlite } from "@electric-sql/pglite";

/**
 * Chosen by measurement (ADR 0023): shared buffers beyond what the working set of a trial
 * desk needs only grow the server's resident memory; pages not in them are re-read from
 * the operating system's cache. work_mem stays at PostgreSQL's 4 MB so the queue's sorts
 * do not spill to disk.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "16MB",
  wal_buffers: "1MB",
  temp_buffers: "1MB",
  maintenance_work_mem: "16MB",
};

/** PGlite's own start parameters (single-user mode, search_path…) followed by ours. */
export function pgliteStartParams(): string[] {
  const ours = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  return [...PGlite.defaultStartParams, ...ours];
}

/**
 * The PostgreSQL major version this PGlite writes (PG_VERSION in its folder). A folder with
 * another version was made by an older PGlite and is upgraded before it is opened
 * (pglite-upgrade.ts).
 */
export const PGLITE_PG_MAJOR = "18";
