import { spawn } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { hashPassword } from "@/lib/server/password";
import { beginSignIn } from "@/lib/staff/sign-in";
import { THROTTLE_RULES, throttleKeys } from "@/lib/staff/sign-in-throttle";
import { emailHashOf, verifyOneTimeCode } from "@/lib/codes/one-time-code";
import { hmacHex } from "@/lib/server/crypto";
import { isAppError } from "@/lib/errors";

// Limits live in the database, so they hold when two app servers share it. This test runs
// a real second instance (another process with its own pool) next to this one. PGlite is
// one process by design, so it runs on PostgreSQL only (CI sets TEST_DATABASE_URL).
const onServer = Boolean(process.env.TEST_DATABASE_URL);

function secondInstance(cmd: Record<string, unknown>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/helpers/second-instance.ts", JSON.stringify(cmd)],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out) as string[])
        : reject(new Error(`second instance failed: ${err.slice(0, 500)}`)),
    );
  });
}

async function here(times: number, f: () => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < times; i++) {
    try {
      await f();
      out.push("OK");
    } catch (e) {
      out.push(isAppError(e) ? e.code : "CRASH");
    }
  }
  return out;
}

describe.skipIf(!onServer)("limits across two app instances", () => {
  beforeEach(resetDatabase);

  it("wrong passwords from two instances add up in one sign-in throttle", async () => {
    await prisma.staffUser.create({
      data: {
        email: "target@example.jp",
        name: "t",
        role: "ADMIN",
        passwordHash: await hashPassword("the right password"),
      },
    });
    const [a, b] = await Promise.all([
      secondInstance({ op: "sign-in", email: "target@example.jp", password: "wrong", times: 3 }),
      here(3, () => beginSignIn({ email: "target@example.jp", password: "wrong" })),
    ]);
    const all = [...a, ...b];
    expect(all.some((o) => o.startsWith("CRASH"))).toBe(false);
    // Every admitted attempt from either instance is in the one pair counter in the database.
    const pair = await prisma.signInThrottle.findUniqueOrThrow({
      where: { key: throttleKeys("target@example.jp", undefined).pair },
    });
    expect(pair.failures).toBe(all.filter((o) => o === "UNAUTHENTICATED").length);
    expect(pair.failures).toBeGreaterThan(THROTTLE_RULES.pair.free);
    expect(await prisma.staffUser.findUniqueOrThrow({ where: { email: "target@example.jp" } })).toMatchObject({
      sessionVersion: 0,
      lockedUntil: null,
    });
  }, 60_000);

  it("wrong one-time codes from two instances share the five attempts", async () => {
    const email = "person@example.com";
    const emailHash = emailHashOf(email);
    await prisma.oneTimeCode.create({
      data: {
        purpose: "EMAIL_CONFIRMATION",
        emailHash,
        codeHash: hmacHex(`EMAIL_CONFIRMATION:${emailHash}::112233`, "one-time-code"),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    const [a, b] = await Promise.all([
      secondInstance({ op: "code", email, code: "000000", times: 3 }),
      here(3, () => verifyOneTimeCode({ purpose: "EMAIL_CONFIRMATION", email, code: "000001" })),
    ]);
    expect([...a, ...b].every((o) => o === "CODE_INVALID" || o === "CODE_EXPIRED" || o === "RATE_LIMITED")).toBe(true);
    const row = await prisma.oneTimeCode.findFirstOrThrow({ where: { emailHash } });
    expect(row.attempts).toBeGreaterThanOrEqual(5);
    // The right code is now refused: the attempts were counted across both instances.
    await expect(verifyOneTimeCode({ purpose: "EMAIL_CONFIRMATION", email, code: "112233" })).rejects.toMatchObject({
      code: "CODE_INVALID",
    });
  }, 60_000);
});
