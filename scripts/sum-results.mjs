// Adds up every runner's results into the one closing line CI reads.
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const dir = "test-results";
const read = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"));

for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (f.startsWith("vitest") && f.endsWith(".json")) {
    const r = read(f);
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (f === "playwright.json") {
    const s = read(f).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    // A run that crashed before reporting (e.g. the server did not start) counts as a failure.
    if ((read(f).errors ?? []).length > 0 && s.unexpected === 0) failed += 1;
  }
}
if (fs.existsSync(`${dir}/checks.txt`)) {
  for (const line of fs.readFileSync(`${dir}/checks.txt`, "utf8").split("\n")) {
    if (line.endsWith(" passed")) passed++;
    else if (line.endsWith(" failed")) failed++;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
