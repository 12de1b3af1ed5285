// The first step of `npm start`: compiles scripts/start.ts and scripts/server.ts (with what
// they import from lib/; packages stay in node_modules) into .next-scripts/*.cjs, so the app
// server runs on plain Node. Served through `--import tsx`, it carried tsx's esbuild service
// (a process of its own, 12–16 MB) and Node's loader-hooks thread (a V8 isolate of its own)
// for as long as it ran (ADR 0025). Compiled at every start, in this short-lived process: it
// takes well under a second and output can never be older than the sources.
import { buildSync } from "esbuild";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const outDir = path.join(root, ".next-scripts");

const result = buildSync({
  entryPoints: ["start", "server"].map((name) => path.join(root, "scripts", `${name}.ts`)),
  outdir: outDir,
  outExtension: { ".js": ".cjs" },
  // CommonJS, as tsx ran these files (package.json has no "type"), so imports of packages resolve the same way.
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
  write: false,
});

fs.mkdirSync(outDir, { recursive: true });
for (const file of result.outputFiles) {
  // Unchanged output is left alone, and changed output replaces the old file in one rename:
  // another `npm start` (the bench's second server, the e2e suite) may be reading it.
  const same = fs.existsSync(file.path) && Buffer.compare(fs.readFileSync(file.path), file.contents) === 0;
  if (same) continue;
  const partial = `${file.path}.${process.pid}.tmp`;
  fs.writeFileSync(partial, file.contents);
  fs.renameSync(partial, file.path);
}
