// Production app servers (scripts/server.ts on the e2e build, .next-e2e) and workers
// (scripts/worker.ts) as separate processes on one database and one bucket, for the
// several-servers test. Nothing is built here: run the e2e suite (or `next build` with
// NEXT_DIST_DIR=.next-e2e) first.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const E2E_BUILD = path.resolve(process.env.NEXT_DIST_DIR_E2E || ".next-e2e");
export const haveE2eBuild = () => fs.existsSync(path.join(E2E_BUILD, "BUILD_ID"));

export type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function launch(script: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", script)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: path.basename(E2E_BUILD),
    LOG_LEVEL: "warn",
    WORKER_INTERVAL_MS: "250",
    SMTP_URL: "",
    // The tests act as many clients behind a proxy on this machine (X-Forwarded-For).
    TRUSTED_PROXIES: "loopback",
    ...extra,
  };
}

export async function startAppServer(port: number, extra: Record<string, string>): Promise<Proc> {
  const proc = launch("server.ts", baseEnv({ PORT: String(port), APP_URL: `http://localhost:${port}`, ...extra }));
  const until = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return proc;
    if (proc.child.exitCode !== null || Date.now() > until)
      throw new Error(`server on ${port} did not start:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function startWorkerProcess(extra: Record<string, string>): Proc {
  return launch("worker.ts", baseEnv(extra));
}
