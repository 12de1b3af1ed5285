import { env, EnvError } from "./env";

/** Stop early on bad configuration, then start the in-process worker unless WORKER=off. */
export async function onServerStart(): Promise<void> {
  try {
    env();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (env().WORKER === "inline" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWorker } = await import("@/lib/jobs/worker");
    startWorker({ name: `web-${process.pid}` });
  }
}
