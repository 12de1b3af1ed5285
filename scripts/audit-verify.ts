// `npm run audit:verify`: checks the audit log's hash chain and names the first broken entry.
import "./load-env-files";
import { prisma } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { closeEmbeddedDatabases } from "@/lib/server/db-adapter";

// In a function, not top-level await: tsx runs the scripts as CommonJS on Node 20.
async function main(): Promise<void> {
  const report = await verifyAuditChain(prisma);
  await prisma.$disconnect();
  await closeEmbeddedDatabases();
  if (report.ok) {
    console.log(`Audit chain intact: ${report.checked} entries verified.`);
  } else {
    console.error(
      `Audit chain BROKEN at entry seq=${report.brokenSeq} (${report.reason === "hash_mismatch" ? "its contents were changed" : "its link to the previous entry does not match"}); ${report.checked} entries before it verified.`,
    );
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
