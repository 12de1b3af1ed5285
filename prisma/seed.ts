import { prepareDatabase } from "@/scripts/prepare-db";

prepareDatabase().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
