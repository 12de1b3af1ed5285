import { notFound } from "next/navigation";
import { prisma } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { randomToken } from "@/lib/server/crypto";

// The benchmark's baseline: the cheapest useful write this app can do (one row, one
// statement). It exists only when the server runs with MADOGUCHI_BENCH=1.
export async function POST(): Promise<Response> {
  if (env().MADOGUCHI_BENCH !== "1") notFound();
  await prisma.rateLimit.create({ data: { key: `bench:${randomToken(12)}`, windowStart: new Date(), count: 1 } });
  return Response.json({ ok: true }, { status: 201 });
}
