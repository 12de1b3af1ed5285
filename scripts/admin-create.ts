// `npm run admin:create`: makes the first admin of a PostgreSQL deployment. Prompts for
// email, name and password (the password is not echoed); TOTP is set up at first sign-in.
import "./load-env-files";
import readline from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { closeEmbeddedDatabases } from "@/lib/server/db-adapter";
import { hashPassword } from "@/lib/server/password";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";

const schema = z.object({
  email: z.email().transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(12, "at least 12 characters").max(200),
});

let muted = false;
const output = new Writable({ write(chunk, _enc, cb) { if (!muted) process.stdout.write(chunk); cb(); } });
const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
const ask = (q: string, hidden = false) =>
  new Promise<string>((resolve) => {
    process.stdout.write(q);
    muted = hidden;
    rl.question("", (a) => { muted = false; if (hidden) process.stdout.write("\n"); resolve(a); });
  });

async function main(): Promise<void> {
  const email = await ask("Admin email: ");
  const name = await ask("Name: ");
  const password = await ask("Password (12+ characters): ", true);
  const again = await ask("Password again: ", true);
  rl.close();
  if (password !== again) throw new Error("The passwords do not match.");
  const input = schema.parse({ email, name, password });
  if (await prisma.staffUser.findUnique({ where: { email: input.email } })) throw new Error("A staff account with that email already exists.");
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.create({ data: { email: input.email, name: input.name, role: "ADMIN", passwordHash } });
    await writeAuditEvent(tx, { actor: systemActor("admin:create"), action: "staff.created", entity: "StaffUser", entityId: user.id, data: { role: "ADMIN" } });
  });
  console.log("Admin created. Sign in at /console/sign-in and set up the authenticator app.");
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") : e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await prisma.$disconnect();
    await closeEmbeddedDatabases();
  });
