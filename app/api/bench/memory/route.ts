import { notFound } from "next/navigation";
import { env } from "@/lib/server/env";

// Where the server's memory is (V8 heap, buffers, everything else such as WebAssembly
// memory and code), so the benchmark can say what its RSS consists of. Only with MADOGUCHI_BENCH=1.
export function GET(): Response {
  if (env().MADOGUCHI_BENCH !== "1") notFound();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return Response.json(
    {
      rss: mb(m.rss),
      heapTotal: mb(m.heapTotal),
      heapUsed: mb(m.heapUsed),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
