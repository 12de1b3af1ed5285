import pg from "pg";
import mysql from "mysql2/promise";
import { prisma } from "@/tests/helpers/db";
import { createRequest, createStaff, type RequestFixture } from "@/tests/helpers/request-fixtures";
import { demoIdentities, demoMapYaml, ensureDemoTarget } from "@/lib/connected/demo";
import { closeConnectedResources } from "@/lib/connected/engine";
import type { StaffActor } from "@/lib/audit/actor";
import { saveConnection } from "@/lib/connected/save-connection";
import { saveDatasetMap } from "@/lib/connected/save-map";
import { upsertSystemOfRecord } from "@/lib/tasks/data-map";

// The connected-database app tests run against the real local servers: a fresh target
// database per test file and worker, filled with the engine's demo service (its people
// are the ones the demo requests name), on PostgreSQL and on MariaDB.

const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";
export const PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const MARIADB_ADMIN = { host: "127.0.0.1", port: 3306, user: "root", password: "" };

export type Target = {
  dialect: "postgres" | "mysql";
  url: string;
  name: string;
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
};

export async function pgTarget(tag: string): Promise<Target> {
  const name = `conn_app_${tag}_${worker}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = `postgresql://postgres@127.0.0.1:5432/${name}`;
  await ensureDemoTarget({ dialect: "postgres", url });
  return {
    dialect: "postgres",
    url,
    name,
    query: async (sql, params) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      await closeConnectedResources();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function mariaTarget(tag: string): Promise<Target> {
  const name = `conn_app_${tag}_${worker}_${process.pid}`;
  const admin = await mysql.createConnection(MARIADB_ADMIN);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `mysql://root@127.0.0.1:3306/${name}`;
  await ensureDemoTarget({ dialect: "mysql", url });
  return {
    dialect: "mysql",
    url,
    name,
    query: async (sql, params) => {
      const c = await mysql.createConnection({ ...MARIADB_ADMIN, database: name });
      try {
        const [rows] = await c.query(sql, params);
        return rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      await closeConnectedResources();
      const a = await mysql.createConnection(MARIADB_ADMIN);
      await a.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await a.end();
    },
  };
}

/** A data-map system connected to the target with the demo map; returns its id. */
export async function connectSystem(
  admin: StaffActor,
  target: { dialect: "postgres" | "mysql"; url: string },
  opts: { writeUrl?: string; key?: string } = {},
): Promise<string> {
  const { id } = await upsertSystemOfRecord({
    actor: admin,
    input: {
      key: opts.key ?? "service-db",
      nameJa: "会員サービス",
      nameEn: "Member service",
      owner: "サービス開発部",
      categories: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      handling: "CONNECTED",
    },
  });
  await saveConnection({
    actor: admin,
    input: { systemId: id, dialect: target.dialect, readUrl: target.url, writeUrl: opts.writeUrl },
  });
  await saveDatasetMap({ actor: admin, input: { systemId: id, mapText: demoMapYaml(target.dialect) } });
  return id;
}

/** A verified request from the demo's Hanako Yamada (the identity the demo target holds). */
export async function hanakoRequest(f: RequestFixture = {}) {
  const r = await createRequest({
    identity: "VERIFIED",
    status: "IN_PROGRESS",
    email: demoIdentities.hanako.email,
    subjectName: demoIdentities.hanako.name,
    subjectNameKana: demoIdentities.hanako.nameKana,
    ...f,
  });
  return prisma.request.update({
    where: { id: r.id },
    data: {
      phone: demoIdentities.hanako.phone,
      subjectBirthDate: new Date(`${demoIdentities.hanako.birthDate}T00:00:00Z`),
    },
  });
}

export async function actors() {
  return {
    admin: await createStaff("ADMIN"),
    officer: await createStaff("OFFICER"),
    staff: await createStaff("STAFF"),
  };
}

/** Every text value in every table of the app database, for "the secret appears nowhere". */
export async function dumpAppDatabase(): Promise<string> {
  const tables = await prisma.$queryRaw<
    { tablename: string }[]
  >`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const t of tables) {
    // The alias must not be a column name (ReportRollup has a column "x"), or row_to_json reads that column.
    const rows = await prisma.$queryRawUnsafe<unknown[]>(
      `SELECT row_to_json(dumped_row)::text AS j FROM "${t.tablename}" dumped_row`,
    );
    parts.push(`${t.tablename}: ${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}
