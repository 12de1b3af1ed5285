import { registerJob } from "@/lib/jobs/registry";
import { databaseTarget, pgliteFor } from "@/lib/server/db-adapter";
import { logger } from "@/lib/server/log";

// The embedded database (PGlite) runs PostgreSQL in single-user mode: there is no autovacuum
// launcher, so nothing ever vacuums or analyses its tables by itself. The old versions of the
// rows that requests, jobs and mail update are cleared only where a page happens to be pruned,
// and their index entries never; the visibility map is never set, so even an index-only scan
// visits the heap; and the planner's statistics stay those of whatever was last analysed.
// Once a day the worker does what autovacuum does on a PostgreSQL server. A server
// (DATABASE_URL) has autovacuum: nothing is done there.

export const EMBEDDED_VACUUM_JOB = "maintenance.embedded-vacuum";

/** VACUUM (ANALYZE) of the embedded database; false, doing nothing, on a PostgreSQL server. */
export async function vacuumEmbeddedDatabase(): Promise<boolean> {
  const target = databaseTarget();
  if (target.kind !== "pglite") return false;
  const started = performance.now();
  // PGlite queues this behind any statement or transaction in progress; a plain VACUUM takes
  // no lock that stops reads and writes on a server, and on the embedded database it takes
  // ~20 ms for 20,000 rows with nothing to clean.
  await pgliteFor(target.dataDir).exec("VACUUM (ANALYZE)");
  logger().info({ ms: Math.round(performance.now() - started) }, "embedded database vacuumed");
  return true;
}

// Daily (slot at 00:00 UTC = 09:00 in Japan, as the staff digest).
registerJob(EMBEDDED_VACUUM_JOB, async () => void (await vacuumEmbeddedDatabase()), { everyMinutes: 24 * 60 });
