// BENCH_CPU_PROFILE for Node 20, which refuses --cpu-prof in NODE_OPTIONS: loaded with
// `--import` (allowed there), it starts V8's profiler through the inspector in this process
// and writes a .cpuprofile (open it in Chrome DevTools) to CPU_PROFILE_DIR when the process exits.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  // 1 ms between samples, as --cpu-prof's default.
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // A session in the same thread answers synchronously, so the file is written before exit.
    session.post("Profiler.stop", (err, result) => {
      if (err || !result) return;
      fs.mkdirSync(dir, { recursive: true });
      const name = `CPU.${new Date().toISOString().replace(/[:.]/g, "")}.${process.pid}.cpuprofile`;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
    });
  });
}
