// One size of the console-page bench (scripts/bench-console.ts), in a process of its own: it
// migrates the database its environment names (PGLITE_DIR or DATABASE_URL, made empty by
// `npm run bench`), seeds it as the main bench seeds its own, to BENCH_SAMPLER_SIZE requests with
// their console rows, then times one page per message from the bench until told to stop.
import {
  consolePageRuns,
  explainConsolePages,
  prepareBenchDatabase,
  sampleRound,
  seedConsoleRows,
  seedRequestsUpTo,
} from "./bench-console";

type Question = { kind: "round"; page: string } | { kind: "explain" } | { kind: "stop" };

async function main(): Promise<void> {
  const send = (answer: unknown) => process.send?.(answer);
  const prisma = await prepareBenchDatabase();
  await seedRequestsUpTo(Number(process.env.BENCH_SAMPLER_SIZE));
  await seedConsoleRows(Number(process.env.BENCH_SAMPLER_SIZE));
  const runs = await consolePageRuns();
  // The bench asks one question at a time and waits for the answer.
  process.on("message", (q: Question) => {
    const answer = async () => {
      if (q.kind === "stop") {
        await prisma.$disconnect();
        const { closeEmbeddedDatabases } = await import("@/lib/server/db-adapter");
        await closeEmbeddedDatabases();
        process.exit(0);
      }
      if (q.kind === "explain") return send({ kind: "plans", plans: await explainConsolePages() });
      const run = runs[q.page];
      if (!run) return send({ kind: "failed", message: `no page ${q.page}` });
      send({ kind: "round", round: await sampleRound(run) });
    };
    answer().catch((e: unknown) => send({ kind: "failed", message: e instanceof Error ? e.message : String(e) }));
  });
  send({ kind: "ready" });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
