// The server the end-to-end suite runs against: a fresh PostgreSQL database, a real
// SMTP server that appends every message to a JSON-lines file, and the production
// build of the app (built into .next-e2e when missing or older than the sources).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import {
  e2eEnv,
  E2E_BASE_URL,
  E2E_ADMIN_DATABASE_URL,
  E2E_DB_NAME,
  E2E_DB_PROXY_CONTROL_PORT,
  E2E_DB_PROXY_PORT,
  E2E_DB_TARGET,
  E2E_MAIL_FILE,
  E2E_SMTP_PORT,
  E2E_STRIPE_PORT,
} from "./e2e-env";
import { FaultyProxy } from "../helpers/tcp-proxy";
import { startFakeStripeServer } from "./fake-stripe-server";

Object.assign(process.env, e2eEnv);

async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: E2E_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${E2E_DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${E2E_DB_NAME}"`);
  await admin.end();
  const { migrate } = await import("@/lib/server/migrate");
  await migrate();
  // A fresh database means no enrolled authenticators: forget the secrets of earlier runs.
  fs.rmSync(path.resolve("test-results", `${E2E_DB_NAME}-totp.json`), { force: true });
  const { prisma } = await import("@/lib/server/db");
  const { seedBase, seedDemo } = await import("@/lib/seed/seed");
  await seedBase(prisma);
  await seedDemo(prisma);
  // The demo requests in several states, as a fresh `npm start` has them.
  const { seedDemoRequests } = await import("@/lib/seed/demo-requests");
  await seedDemoRequests(prisma);
  await prisma.$disconnect();
}

function startSmtp(): Promise<SMTPServer> {
  fs.mkdirSync(path.dirname(E2E_MAIL_FILE), { recursive: true });
  fs.writeFileSync(E2E_MAIL_FILE, "");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          fs.appendFileSync(
            E2E_MAIL_FILE,
            JSON.stringify({
              to,
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: mail.html || "",
              at: Date.now(),
            }) + "\n",
          );
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  return new Promise((resolve) => server.listen(E2E_SMTP_PORT, "127.0.0.1", () => resolve(server)));
}

function buildIfNeeded(): void {
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const buildId = path.join(e2eEnv.NEXT_DIST_DIR ?? ".next-e2e", "BUILD_ID");
  if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(buildId)) return;
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main(): Promise<void> {
  const proxy = new FaultyProxy(E2E_DB_TARGET);
  await proxy.listen(E2E_DB_PROXY_PORT);
  await proxy.listenControl(E2E_DB_PROXY_CONTROL_PORT);
  await freshDatabase();
  const smtp = await startSmtp();
  // Stripe's stand-in runs for the whole suite; its Checkout page posts signed events here.
  await startFakeStripeServer({
    port: E2E_STRIPE_PORT,
    webhookUrl: `${E2E_BASE_URL}/api/stripe/webhook`,
    webhookSecret: e2eEnv.STRIPE_WEBHOOK_SECRET ?? "",
  });
  buildIfNeeded();
  // The production server script as `npm start` runs it, compiled and on plain Node
  // (scripts/compile-scripts.mjs): it records each socket's peer, which the client address
  // is derived from (lib/server/client-key.ts).
  const compiled = spawnSync(process.execPath, [path.join("scripts", "compile-scripts.mjs")], { stdio: "inherit" });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
  const serverEnv: NodeJS.ProcessEnv = { ...process.env };
  delete serverEnv.HOSTNAME;
  const server = spawn(process.execPath, [path.join(".next-scripts", "server.cjs")], {
    stdio: "inherit",
    env: serverEnv,
  });
  const stop = () => {
    server.kill("SIGTERM");
    smtp.close(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => smtp.close(() => process.exit(code ?? 0)));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
