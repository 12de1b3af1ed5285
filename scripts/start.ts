// `npm start`: validate configuration, prepare the database, build when the build is
// missing or older than the sources, then serve on PORT (default 3000).
import "./load-env-files";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, serverNodeOptions, type Env } from "@/lib/server/env";
import { loadLocalSecrets } from "@/lib/server/local-secrets";
import { embeddedProductionRefusal } from "@/lib/server/embedded-guard";

const root = process.cwd();
const sourceDirs = ["app", "components", "lib", "i18n", "messages", "content", "public"];
const sourceFiles = ["next.config.ts", "package.json", "postcss.config.mjs", "prisma/schema.prisma"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of [...sourceDirs, ...sourceFiles]) visit(path.join(root, d));
  return newest;
}

function buildIsCurrent(): boolean {
  // NEXT_DIST_DIR (next.config.ts) lets the benchmark start the app exactly as `npm start` does, on its own build.
  const id = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  return fs.existsSync(id) && fs.statSync(id).mtimeMs >= newestSourceMtime();
}

/**
 * How a server process of its own runs scripts/server.ts: compiled beside this file when
 * `npm start` runs the compiled start (scripts/compile-scripts.mjs), through tsx otherwise.
 */
function serverScript(): string[] {
  const self = process.argv[1] ?? "";
  if (self.endsWith(".cjs")) return [path.join(path.dirname(self), "server.cjs")];
  return ["--import", "tsx", path.join(root, "scripts", "server.ts")];
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Before anything is generated or created: production on the embedded database needs an explicit yes.
  const refusal = embeddedProductionRefusal();
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  loadLocalSecrets();
  let env: Env;
  try {
    env = parseEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  // In a process of its own: the embedded database's WebAssembly memory (~400 MB) stays
  // with that process and is returned when it exits, instead of staying in this one for as
  // long as the server runs.
  const prepared = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "prepare-db.ts")], {
    stdio: "inherit",
    env: process.env,
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  const npx = (args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), ...args], {
      stdio: "inherit",
      env: process.env,
    });
  if (!buildIsCurrent()) {
    console.log("Building the app (first start or changed sources)…");
    const build = npx(["build"]);
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // The server and its links (APP_URL unset) use the port actually served.
  const port = String(env.PORT);
  process.env.PORT = port;
  console.log(`Madoguchi: http://localhost:${port}  (console: http://localhost:${port}/console)`);
  // scripts/server.ts: Next's handler with request ids, metrics and a draining SIGTERM.
  // When Node already runs with the server's options (package.json "start" passes the
  // default heap limit), this process becomes the server: a wrapper waiting beside it would
  // hold ~100 MB for as long as it runs (ADR 0018). Another SERVER_HEAP_MB needs its own process.
  const options = serverNodeOptions(env);
  if (options.every((o) => process.execArgv.includes(o))) {
    await import("./server");
    return;
  }
  const server = spawn(process.execPath, [...options, ...serverScript()], {
    stdio: "inherit",
    env: { ...process.env, PORT: port },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
