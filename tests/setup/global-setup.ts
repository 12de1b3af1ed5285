// Runs once around all Vitest workers. On PostgreSQL each run gets its own database
// name prefix, so concurrent runs never touch each other's databases; they are dropped
// at the end.
import crypto from "node:crypto";
import pg from "pg";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const run = crypto.randomBytes(4).toString("hex");
  process.env.MADOGUCHI_TEST_RUN = run;
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `madoguchi_test_${run}_%`,
    ]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.end();
  };
}
