// `npm run keys:rotate`: re-encrypts every stored file and sealed value under a new
// FILE_ENCRYPTION_KEY (lib/operations/rotate-file-key.ts). Stop the app servers and
// workers first; run it again if it was interrupted. Usage:
//   NEW_FILE_ENCRYPTION_KEY=$(openssl rand -base64 32) npm run keys:rotate
//   npm run keys:rotate -- --generate     (makes the new key and prints it)
import "./load-env-files";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";
import { databaseTarget, closeEmbeddedDatabases } from "@/lib/server/db-adapter";

async function main(): Promise<void> {
  // Whether the key comes from the embedded database's generated secrets (then they are updated here).
  const configured = Boolean(process.env.FILE_ENCRYPTION_KEY);
  const oldKey = Buffer.from(env().FILE_ENCRYPTION_KEY, "base64");
  const given = process.env.NEW_FILE_ENCRYPTION_KEY?.trim();
  const generate = process.argv.includes("--generate");
  if (!given && !generate) throw new Error("Set NEW_FILE_ENCRYPTION_KEY (openssl rand -base64 32) or pass --generate.");
  const newKeyText = given ?? crypto.randomBytes(32).toString("base64");
  const newKey = Buffer.from(newKeyText, "base64");
  if (newKey.length !== 32)
    throw new Error("NEW_FILE_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32).");

  const { prisma } = await import("@/lib/server/db");
  const { rotateFileKey } = await import("@/lib/operations/rotate-file-key");
  const result = await rotateFileKey(prisma, oldKey, newKey, (line) => console.log(line));
  await prisma.$disconnect();
  await closeEmbeddedDatabases();

  const target = databaseTarget();
  if (!configured && target.kind === "pglite") {
    const file = path.join(path.dirname(target.dataDir), "secrets.json");
    const secrets = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    fs.writeFileSync(file, JSON.stringify({ ...secrets, FILE_ENCRYPTION_KEY: newKeyText }, null, 2), { mode: 0o600 });
    console.log(
      `Done: ${result.files} files and ${result.values} sealed values re-encrypted. The new key is in ${file}.`,
    );
    return;
  }
  console.log(`Done: ${result.files} files and ${result.values} sealed values re-encrypted.`);
  console.log("Now set FILE_ENCRYPTION_KEY to the new key wherever it is configured (.env or your secret store)");
  console.log(
    "for every app server and worker, start them again, and keep the old key until a backup taken after this run exists.",
  );
  if (generate) console.log(`New FILE_ENCRYPTION_KEY=${newKeyText}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
