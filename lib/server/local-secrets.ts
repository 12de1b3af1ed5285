// On the embedded database (a developer's or evaluator's machine) Madoguchi makes its
// own secrets on first start and keeps them in .data/, so `npm start` needs no setup.
// A PostgreSQL deployment must set them explicitly; env validation then names them.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseTarget } from "./db-adapter";

type LocalSecrets = { MADOGUCHI_SECRET: string; FILE_ENCRYPTION_KEY: string };

export function loadLocalSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.MADOGUCHI_SECRET && env.FILE_ENCRYPTION_KEY) return;
  const target = databaseTarget(env);
  if (target.kind !== "pglite" || target.dataDir.startsWith("memory://")) return;
  const file = path.join(path.dirname(target.dataDir), "secrets.json");
  let secrets: LocalSecrets;
  if (fs.existsSync(file)) {
    secrets = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  } else {
    secrets = {
      MADOGUCHI_SECRET: crypto.randomBytes(32).toString("hex"),
      FILE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  env.MADOGUCHI_SECRET ||= secrets.MADOGUCHI_SECRET;
  env.FILE_ENCRYPTION_KEY ||= secrets.FILE_ENCRYPTION_KEY;
}
