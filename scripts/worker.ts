// `npm run worker`: the background worker on its own, for deployments that run web
// servers with WORKER=off. Needs DATABASE_URL: the embedded database is single-process.
import "./load-env-files";
import { env } from "@/lib/server/env";
import { startWorker } from "@/lib/jobs/worker";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its worker inside the app.");
  process.exit(1);
}
const worker = startWorker({ name: `worker-${process.pid}` });
console.log("Worker running. Ctrl-C to stop.");
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => { worker.stop(); process.exit(0); });
