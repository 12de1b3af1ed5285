// A second app instance for tests: a separate process with its own connection pool on the
// same database, running one kind of attempt several times and printing the error codes.
// Usage: tsx tests/helpers/second-instance.ts '{"op":"sign-in","email":"…","password":"…","times":3}'
import { isAppError } from "@/lib/errors";

type Command =
  | { op: "sign-in"; email: string; password: string; times: number }
  | { op: "code"; email: string; code: string; times: number }
  | { op: "status-code"; reference: string; email: string; times: number };

async function main(): Promise<void> {
  const cmd = JSON.parse(process.argv[2] ?? "{}") as Command;
  const outcomes: string[] = [];
  for (let i = 0; i < cmd.times; i++) {
    try {
      if (cmd.op === "sign-in") {
        const { beginSignIn } = await import("@/lib/staff/sign-in");
        await beginSignIn({ email: cmd.email, password: cmd.password });
      } else if (cmd.op === "code") {
        const { verifyOneTimeCode } = await import("@/lib/codes/one-time-code");
        await verifyOneTimeCode({ purpose: "EMAIL_CONFIRMATION", email: cmd.email, code: cmd.code });
      } else {
        const { requestStatusCode } = await import("@/lib/requester/status-access");
        await requestStatusCode({ input: { reference: cmd.reference, email: cmd.email }, locale: "ja" });
      }
      outcomes.push("OK");
    } catch (e) {
      outcomes.push(isAppError(e) ? e.code : `CRASH ${e instanceof Error ? e.name : "?"}`);
    }
  }
  process.stdout.write(JSON.stringify(outcomes));
  const { prisma } = await import("@/lib/server/db");
  await prisma.$disconnect();
}

void main();
