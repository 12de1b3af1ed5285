// Runs the Prisma CLI with DATABASE_URL always set: without it Prisma 6 tries to
// download a query engine, which fails offline. The URL is only a placeholder for
// `generate`; migrations go through scripts/prepare-db.ts and the driver adapter.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.DATABASE_URL ||= "postgresql://placeholder@localhost:5432/placeholder";
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
