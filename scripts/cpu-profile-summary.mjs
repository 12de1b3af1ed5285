// Where a server's CPU went in the last seconds of a .cpuprofile (BENCH_CPU_PROFILE, bench/README):
// the second server's last 10 s are the filing load. Frames of the built server are mapped back to
// their sources through the build's source maps, so the tables name lib/ and app/ files.
//
//   node scripts/cpu-profile-summary.mjs <file.cpuprofile> [seconds=10] [filings=1] [skip=0.3]
//
// Prints, in ms per filing (the window's CPU ÷ `filings`, the bench's accepted filings):
// each sample charged to the innermost frame of the app's own code (lib/, app/; "[zod]" or
// "[pg]" when the leaf was in those), else to its package; then self time by function.
import fs from "node:fs";
import { SourceMap } from "node:module";

const [file, seconds = "10", filings = "1", skip = "0.3"] = process.argv.slice(2);
if (!file) throw new Error("usage: node scripts/cpu-profile-summary.mjs <file.cpuprofile> [seconds] [filings] [skip]");
const profile = JSON.parse(fs.readFileSync(file, "utf8"));

const maps = new Map();
/** "lib/x.ts", "node:net", "nm/pg/lib/client.js" or "" for V8's own entries. */
function sourceOf(frame) {
  const url = frame.url.replace(/^file:\/\//, "");
  if (!/\/\.next[^/]*\/server\//.test(url)) return url.replace(/^.*node_modules\//, "nm/");
  if (!maps.has(url)) {
    try {
      maps.set(url, new SourceMap(JSON.parse(fs.readFileSync(`${url}.map`, "utf8"))));
    } catch {
      maps.set(url, null);
    }
  }
  const entry = maps.get(url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return url;
  return entry.originalSource
    .replace(/^.*\[project\]\//, "")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^node_modules\//, "nm/");
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
let at = profile.startTime;
const times = profile.timeDeltas.map((d) => (at += d));
const end = at - Number(skip) * 1e6;
const start = end - Number(seconds) * 1e6;

const byCode = new Map();
const bySelf = new Map();
let total = 0;
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i] < start || times[i] > end) continue;
  const leaf = nodes.get(profile.samples[i]).callFrame;
  if (leaf.functionName === "(idle)") continue;
  const ms = (profile.timeDeltas[i + 1] ?? 1000) / 1000;
  total += ms;
  const leafSource = sourceOf(leaf);
  add(bySelf, `${leaf.functionName || "(anonymous)"} ${leafSource}:${leaf.lineNumber + 1}`, ms);
  let app = null;
  for (let id = profile.samples[i]; id !== undefined && !app; id = parents.get(id)) {
    const source = sourceOf(nodes.get(id).callFrame);
    if (/^(lib|app)\//.test(source)) app = source;
  }
  const tag = /nm\/zod\//.test(leafSource)
    ? " [zod]"
    : /nm\/pg/.test(leafSource) || leaf.functionName === "writev"
      ? " [pg]"
      : "";
  const packageOf = leafSource.replace(/^(nm\/(@[^/]+\/)?[^/]+|node:[^/]+).*/, "$1") || leaf.functionName;
  add(byCode, app ? app + tag : packageOf, ms);
}

const per = Number(filings);
const print = (title, m, top) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(v / per).toFixed(3).padStart(8)}  ${k}`);
};
console.log(`${(total / per).toFixed(2)} ms of CPU per filing in the profile (${total.toFixed(0)} ms in ${seconds} s)`);
print("By the app's innermost frame, else by package:", byCode, 40);
print("Self time by function:", bySelf, 30);
