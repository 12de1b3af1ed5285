import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter } from "./lib/server/db-adapter";

// Prisma 6.19 with the JavaScript schema engine and a driver adapter works fully
// offline; the classic engines would be downloaded and fail here.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createAdapter(),
});
