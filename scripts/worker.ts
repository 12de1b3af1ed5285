// `npm run worker`: the background worker on its own, for deployments that run web
// servers with WORKER=off. Needs DATABASE_URL: the embedded database is single-process.
// On SIGTERM (or Ctrl-C) it claims nothing more, finishes the jobs it already claimed and
// exits; a job cut short by a hard kill is retried by another worker once its lock expires.
import "./load-env-files";
import { env } from "@/lib/server/env";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/server/log";

const log = logger();
if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its worker inside the app.");
  process.exit(1);
}
const worker = startWorker({ name: `worker-${process.pid}` });
log.info("worker running");
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal: sig }, "worker stopping after the jobs in hand");
    const deadline = setTimeout(() => {
      log.error("worker did not finish within 25 s; exiting");
      process.exit(1);
    }, 25_000);
    void worker.stop().then(async () => {
      const { prisma } = await import("@/lib/server/db");
      await prisma.$disconnect();
      clearTimeout(deadline);
      log.info("worker stopped");
      process.exit(0);
    });
  });
}
