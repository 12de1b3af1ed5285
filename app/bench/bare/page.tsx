import { notFound } from "next/navigation";
import { env } from "@/lib/server/env";

// The benchmark's baseline page: the root layout and nothing else. Only with MADOGUCHI_BENCH=1.
export default function BarePage() {
  if (env().MADOGUCHI_BENCH !== "1") notFound();
  return (
    <main id="main">
      <p>bare</p>
    </main>
  );
}
