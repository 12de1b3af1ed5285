import { spawnSync } from "node:child_process";
import path from "node:path";
process.env.E2E_PORT = "3410"; process.env.E2E_SMTP_PORT = "2541"; process.env.E2E_STRIPE_PORT = "12141"; process.env.E2E_DB_NAME = "madoguchi_e2e_sec";
const { e2eEnv } = await import(path.resolve("tests/e2e/e2e-env.ts"));
Object.assign(process.env, e2eEnv);
const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: process.env });
process.exit(r.status ?? 1);
