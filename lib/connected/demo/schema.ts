import type { Dialect } from "../engine/types";

// The sample service's tables: a membership service with contracts, payments and refunds, login
// history, site access logs, inquiries, job applicants and employees — Art 2.1 items (1)–(10).
// Ids are explicit (no sequences) so the bulk generator and the demo people never collide:
// bulk rows use 1…N, demo people 9,000,001 and up.

type Col = [name: string, pg: string, my: string];
type Table = { name: string; cols: Col[]; pk: string; fks?: Array<[col: string, ref: string]> };

const id: Col = ["id", "bigint NOT NULL", "bigint NOT NULL"];
const text = (n: string, len = 255, notNull = false): Col => [
  n,
  `varchar(${len})${notNull ? " NOT NULL" : ""}`,
  `varchar(${len})${notNull ? " NOT NULL" : ""}`,
];
const ts = (n: string): Col => [n, "timestamp(0)", "datetime"];
const date = (n: string): Col => [n, "date", "date"];
const fk = (n: string, nullable = false): Col => [
  n,
  nullable ? "bigint" : "bigint NOT NULL",
  nullable ? "bigint" : "bigint NOT NULL",
];
const money: Col[] = [["amount", "integer NOT NULL", "int NOT NULL"]];

export const demoTables: Table[] = [
  {
    name: "members",
    pk: "id",
    cols: [
      id,
      text("member_no", 20, true),
      text("name", 100),
      text("name_kana", 100),
      text("email", 254),
      text("phone", 40),
      text("postal_code", 10),
      text("address", 255),
      date("birth_date"),
      ["suspended", "boolean NOT NULL DEFAULT false", "tinyint(1) NOT NULL DEFAULT 0"],
      ts("created_at"),
    ],
  },
  {
    name: "login_history",
    pk: "id",
    cols: [id, fk("member_id"), ts("logged_in_at"), text("ip_address", 45), text("user_agent", 255)],
    fks: [["member_id", "members"]],
  },
  {
    name: "access_logs",
    pk: "id",
    cols: [
      id,
      fk("member_id", true),
      ts("accessed_at"),
      text("ip_address", 45),
      text("host_name", 255),
      text("cookie_id", 64),
    ],
    fks: [["member_id", "members"]],
  },
  {
    name: "contracts",
    pk: "id",
    cols: [id, fk("member_id"), text("plan_name", 100), date("started_on"), text("billing_address", 255)],
    fks: [["member_id", "members"]],
  },
  {
    name: "payments",
    pk: "id",
    cols: [
      id,
      fk("contract_id"),
      ...money,
      text("card_holder", 100),
      text("card_last4", 4),
      text("card_expiry", 7),
      text("bank_account", 64),
      ts("paid_at"),
    ],
    fks: [["contract_id", "contracts"]],
  },
  {
    name: "refunds",
    pk: "id",
    cols: [id, fk("payment_id"), ...money, text("reason", 255), ts("refunded_at")],
    fks: [["payment_id", "payments"]],
  },
  {
    name: "inquiries",
    pk: "id",
    cols: [
      id,
      fk("member_id", true),
      text("name", 100),
      text("email", 254),
      text("phone", 40),
      text("subject", 200),
      ts("received_at"),
    ],
    fks: [["member_id", "members"]],
  },
  {
    name: "inquiry_messages",
    pk: "id",
    cols: [id, fk("inquiry_id"), text("body", 2000), ts("sent_at")],
    fks: [["inquiry_id", "inquiries"]],
  },
  {
    name: "job_applicants",
    pk: "id",
    cols: [
      id,
      text("name", 100),
      text("name_kana", 100),
      text("email", 254),
      text("phone", 40),
      date("birth_date"),
      text("resume_summary", 2000),
      ts("applied_at"),
    ],
  },
  {
    name: "employees",
    pk: "id",
    cols: [
      id,
      text("employee_no", 20, true),
      text("name", 100),
      text("email", 254),
      text("phone", 40),
      text("address", 255),
      date("birth_date"),
      text("bank_account", 64),
      text("health_note", 500),
    ],
  },
];

/** Indexes for identity matching and the reference walk (what the DBA guide recommends). */
function indexes(d: Dialect): string[] {
  const email = (t: string) =>
    d === "postgres"
      ? `CREATE INDEX IF NOT EXISTS ${t}_email_lower ON ${t} (lower(email))`
      : `CREATE INDEX ${t}_email ON ${t} (email)`;
  const plain = (t: string, c: string) =>
    d === "postgres" ? `CREATE INDEX IF NOT EXISTS ${t}_${c} ON ${t} (${c})` : `CREATE INDEX ${t}_${c} ON ${t} (${c})`;
  return [
    email("members"),
    plain("members", "phone"),
    plain("members", "member_no"),
    plain("members", "birth_date"),
    plain("login_history", "member_id"),
    plain("access_logs", "member_id"),
    plain("contracts", "member_id"),
    plain("payments", "contract_id"),
    plain("refunds", "payment_id"),
    plain("inquiries", "member_id"),
    email("inquiries"),
    plain("inquiries", "phone"),
    plain("inquiry_messages", "inquiry_id"),
    email("job_applicants"),
    plain("job_applicants", "phone"),
    plain("job_applicants", "birth_date"),
    email("employees"),
    plain("employees", "phone"),
    plain("employees", "birth_date"),
  ];
}

/** CREATE TABLE statements (no indexes, no FKs: the bulk loader adds them after loading). */
export function demoTableStatements(d: Dialect): string[] {
  return demoTables.map((t) => {
    const cols = t.cols.map(([n, pg, my]) => `${n} ${d === "postgres" ? pg : my}`);
    const tail = d === "mysql" ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : "";
    return `CREATE TABLE IF NOT EXISTS ${t.name} (${cols.join(", ")}, PRIMARY KEY (${t.pk}))${tail}`;
  });
}

export function demoConstraintStatements(d: Dialect): string[] {
  const fks = demoTables.flatMap((t) =>
    (t.fks ?? []).map(
      ([c, ref]) => `ALTER TABLE ${t.name} ADD CONSTRAINT ${t.name}_${c}_fk FOREIGN KEY (${c}) REFERENCES ${ref} (id)`,
    ),
  );
  return [...indexes(d), ...fks];
}
