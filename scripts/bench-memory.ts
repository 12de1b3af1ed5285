// Memory for `npm run bench` (bench/README.md, ADR 0018): the RSS of every process `npm start`
// runs (npm itself, the shell, the app server and anything they start, such as tsx's esbuild),
// summed from /proc, and where the app server's own RSS goes. Linux only, like the bench.
import fs from "node:fs";

export type ProcessRss = { pid: number; name: string; rssMb: number };

type ProcInfo = { pid: number; ppid: number; name: string; rssKb: number };

function readProc(pid: number): ProcInfo | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => status.match(new RegExp(`^${name}:\\s+(.*)$`, "m"))?.[1]?.trim() ?? "";
    // Kernel threads and zombies have no VmRSS: they hold no memory of their own.
    return { pid, ppid: Number(field("PPid")), name: field("Name"), rssKb: parseInt(field("VmRSS") || "0", 10) };
  } catch {
    return null; // the process ended while the tree was read
  }
}

/** The process and all its descendants, with their RSS. */
export function processTree(rootPid: number): ProcessRss[] {
  const all = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all)
      if (inTree.has(p.ppid) && !inTree.has(p.pid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return all
    .filter((p) => inTree.has(p.pid))
    .map((p) => ({ pid: p.pid, name: p.name, rssMb: Math.round(p.rssKb / 102.4) / 10 }));
}

/** RSS in MB of a process and all its descendants. */
export function treeRssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + p.rssMb, 0);
}

/** "npm 56 + sh 2 + node 420 + esbuild 12": what the total is made of. */
export function describeTree(rootPid: number): string {
  return processTree(rootPid)
    .map((p) => `${p.name} ${Math.round(p.rssMb)}`)
    .join(" + ");
}

/**
 * Where one process's RSS is, by kind of mapping (/proc/PID/smaps): anonymous memory (the
 * V8 heap, WebAssembly memory such as PGlite's, compiled code), malloc's heap, the node
 * binary, native addons (.node files: sharp, argon2, SWC…) and other mapped files.
 */
export function rssByMapping(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let kind = "anonymous";
  let smaps: string;
  try {
    smaps = fs.readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return out;
  }
  for (const line of smaps.split("\n")) {
    const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (header) {
      const file = header[1] ?? "";
      if (file === "" || file.startsWith("[anon")) kind = "anonymous";
      else if (file === "[heap]") kind = "malloc";
      else if (file.startsWith("[")) kind = "other";
      else if (file.endsWith(".node")) kind = `addon ${file.split("/node_modules/").pop()?.split("/")[0] ?? file}`;
      else if (/\/node$/.test(file)) kind = "node binary";
      else kind = "other files";
      continue;
    }
    const rss = line.match(/^Rss:\s+(\d+) kB/);
    if (rss) out[kind] = (out[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, mb]) => mb >= 1)
      .sort(([, a], [, b]) => b - a)
      .map(([k, mb]) => [k, Math.round(mb)]),
  );
}

/** The process in the tree holding the most memory: the app server. */
export function largestProcess(rootPid: number): ProcessRss | undefined {
  return processTree(rootPid).sort((a, b) => b.rssMb - a.rssMb)[0];
}

/** Ends a process tree by its pids, deepest first (npm does not always pass a signal on). */
/**
 * Stops every process of the tree and waits until all are gone (at most `ms`, then SIGKILL):
 * npm exits before the server it started has closed its embedded database, and a second
 * server opening the same PGlite folder while the first still writes to it crashes.
 */
export async function stopTree(rootPid: number, ms = 30_000): Promise<void> {
  const pids = processTree(rootPid).map((p) => p.pid);
  killTree(rootPid);
  const alive = () => pids.filter((pid) => fs.existsSync(`/proc/${pid}`));
  for (const end = Date.now() + ms; alive().length > 0 && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 100));
  for (const pid of alive()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

export function killTree(rootPid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  for (const p of processTree(rootPid).reverse()) {
    try {
      process.kill(p.pid, signal);
    } catch {
      /* already gone */
    }
  }
}
