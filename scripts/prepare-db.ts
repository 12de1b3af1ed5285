// Creates (PGlite), migrates and seeds the database. Safe to run on every start.
import "./load-env-files";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseEnv, EnvError } from "@/lib/server/env";
import { loadLocalSecrets } from "@/lib/server/local-secrets";
import { embeddedProductionRefusal } from "@/lib/server/embedded-guard";
import { closeEmbeddedDatabases, databaseTarget } from "@/lib/server/db-adapter";
import { migrate } from "@/lib/server/migrate";

export async function prepareDatabase(): Promise<void> {
  const refusal = embeddedProductionRefusal();
  if (refusal) throw new Error(refusal);
  loadLocalSecrets();
  parseEnv();
  const target = databaseTarget();
  const applied = await migrate(target);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { prisma } = await import("@/lib/server/db");
  const { seedBase, seedDemo, DEMO_PASSWORD } = await import("@/lib/seed/seed");
  await seedBase(prisma);
  if (target.kind === "pglite" || process.env.SEED_DEMO === "1") {
    const demo = await seedDemo(prisma);
    const { writeDemoRequests, demoRequests } = await import("@/lib/seed/demo-requests");
    if ((await prisma.request.count()) === 0) {
      // A desk that looks alive on day one: a year of history first (references follow
      // arrival), then today's demo requests. Never in the e2e server's seed.
      const { seedDemoHistory } = await import("@/lib/seed/demo-history");
      const written = await seedDemoHistory(prisma);
      await writeDemoRequests(prisma);
      console.log(`Demo data: ${written} requests of the past year and ${demoRequests.length} recent ones.`);
    }
    // The connected demo system reads an embedded sample service database (issue 14).
    const { seedConnectedDemo, demoTargetUrl } = await import("@/lib/seed/connected-demo");
    await seedConnectedDemo(prisma, {
      targetUrl: demoTargetUrl(target.kind === "pglite" ? target.dataDir : "memory://"),
    });
    if (demo.created) {
      console.log("\nDemo staff accounts (local use only; set up TOTP on first sign-in):");
      for (const s of demo.staff) console.log(`  ${s.role.padEnd(8)} ${s.email}  password: ${DEMO_PASSWORD}`);
      console.log("");
    }
  }
  await prisma.$disconnect();
  await closeEmbeddedDatabases();
}

/** Run as a script (not imported by prisma/seed.ts); real paths, so a linked folder still counts. */
function isMain(): boolean {
  const argv = process.argv[1];
  return (
    argv !== undefined &&
    fs.existsSync(argv) &&
    fs.realpathSync(argv) === fs.realpathSync(fileURLToPath(import.meta.url))
  );
}

if (isMain()) {
  prepareDatabase().catch((e: unknown) => {
    if (e instanceof EnvError) console.error(e.message);
    else console.error("Database preparation failed:", e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
