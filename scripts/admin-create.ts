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

// Typed at a terminal (the password not echoed) or piped in, one answer a line
// (`printf '%s\n' email name password password | npm run admin:create`): lines that arrive
// before their question are queued, not lost.
let muted = false;
const interactive = Boolean(process.stdin.isTTY);
const output = new Writable({
  write(chunk, _enc, cb) {
    if (!muted) process.stdout.write(chunk);
    cb();
  },
});
const rl = readline.createInterface({ input: process.stdin, output, terminal: interactive });
const lines: string[] = [];
const waiting: ((line: string | undefined) => void)[] = [];
rl.on("line", (line) => {
  const w = waiting.shift();
  if (w) w(line);
  else lines.push(line);
});
rl.on("close", () => {
  for (const w of waiting.splice(0)) w(undefined);
});
const ask = (q: string, hidden = false) =>
  new Promise<string>((resolve, reject) => {
    process.stdout.write(q);
    muted = hidden && interactive;
    const answer = (a: string | undefined) => {
      muted = false;
      if (hidden) process.stdout.write("\n");
      if (a === undefined) reject(new Error("No answer: input ended."));
      else resolve(a);
    };
    const queued = lines.shift();
    if (queued !== undefined) answer(queued);
    else waiting.push(answer);
  });

async function main(): Promise<void> {
  const email = await ask("Admin email: ");
  const name = await ask("Name: ");
  const password = await ask("Password (12+ characters): ", true);
  const again = await ask("Password again: ", true);
  rl.close();
  if (password !== again) throw new Error("The passwords do not match.");
  const input = schema.parse({ email, name, password });
  if (await prisma.staffUser.findUnique({ where: { email: input.email } }))
    throw new Error("A staff account with that email already exists.");
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.create({
      data: { email: input.email, name: input.name, role: "ADMIN", passwordHash },
    });
    await writeAuditEvent(tx, {
      actor: systemActor("admin:create"),
      action: "staff.created",
      entity: "StaffUser",
      entityId: user.id,
      data: { role: "ADMIN" },
    });
  });
  console.log("Admin created. Sign in at /console/sign-in and set up the authenticator app.");
}

main()
  .catch((e: unknown) => {
    console.error(
      e instanceof z.ZodError
        ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")
        : e instanceof Error
          ? e.message
          : e,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await prisma.$disconnect();
    await closeEmbeddedDatabases();
  });
