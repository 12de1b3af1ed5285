// A fresh copy of the project as a new operator has it after `git clone` and
// `npm install`: the sources, package.json and .env.example, node_modules, and no .env,
// no .data, no build. Sources and node_modules are linked, so making one takes
// milliseconds; whatever the scripts write (.env is the test's, .data must stay empty
// with a database server) lands in the copy's own folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The project root: both test runners start there. */
const root = process.cwd();
/** Left out: local state (builds, data, results) and dotfiles other than .env.example. */
const LOCAL = new Set(["test-results", "playwright-report", "tsconfig.tsbuildinfo", "next-env.d.ts"]);

export type ProjectCopy = { dir: string; remove: () => void };

/**
 * `build`: a production build of this project to serve from (e.g. the e2e suite's
 * .next-e2e), given to the copy as its .next. Its files are linked, except BUILD_ID,
 * copied so `npm start` sees a build newer than the sources, and the folders the server
 * writes to (cache, trace), which are the copy's own.
 */
export function makeProjectCopy(opts: { build?: string } = {}): ProjectCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-copy-"));
  for (const entry of fs.readdirSync(root)) {
    if (LOCAL.has(entry) || (entry.startsWith(".") && entry !== ".env.example")) continue;
    const from = path.join(root, entry);
    // package.json and .env.example as files: npm and the test read and edit them in place.
    if (entry === "package.json" || entry === ".env.example") fs.copyFileSync(from, path.join(dir, entry));
    else fs.symlinkSync(from, path.join(dir, entry));
  }
  if (opts.build) {
    const build = path.resolve(root, opts.build);
    const next = path.join(dir, ".next");
    fs.mkdirSync(path.join(next, "cache"), { recursive: true });
    for (const entry of fs.readdirSync(build)) {
      if (entry === "cache" || entry === "trace") continue;
      if (entry === "BUILD_ID") fs.copyFileSync(path.join(build, entry), path.join(next, entry));
      else fs.symlinkSync(path.join(build, entry), path.join(next, entry));
    }
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The environment of a fresh shell: no project variable exported. */
export function bareEnv(): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"];
  // No NODE_ENV either, as in a fresh shell (the project's types insist it exists).
  return Object.fromEntries(
    keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
  ) as NodeJS.ProcessEnv;
}

/** Sets (or adds) KEY=value lines in a .env file, the way a person edits .env.example. */
export function setEnvLines(file: string, values: Record<string, string>): void {
  let text = fs.readFileSync(file, "utf8");
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${value}`;
    const existing = new RegExp(`^#?\\s*${key}=.*$`, "m");
    text = existing.test(text) ? text.replace(existing, line) : `${text.trimEnd()}\n${line}\n`;
  }
  fs.writeFileSync(file, text);
}
