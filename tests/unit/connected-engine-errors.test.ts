import { describe, expect, it } from "vitest";
import { toSafeError } from "@/lib/connected/engine/drivers/safe-errors";

// Driver errors as pg and mysql2 raise them: their messages name users, hosts and values.
const driverError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe("driver errors become safe codes", () => {
  const cases: Array<[Error, "connect" | "read" | "write", string]> = [
    [driverError("connect ECONNREFUSED 10.1.2.3:5432", { code: "ECONNREFUSED" }), "connect", "UNREACHABLE"],
    [driverError('password authentication failed for user "svc_reader"', { code: "28P01" }), "connect", "AUTH_FAILED"],
    [
      driverError("Access denied for user 'svc_reader'@'10.1.2.3' (using password: YES)", {
        code: "ER_ACCESS_DENIED_ERROR",
        errno: 1045,
      }),
      "connect",
      "AUTH_FAILED",
    ],
    [driverError("canceling statement due to statement timeout", { code: "57014" }), "read", "TIMEOUT"],
    [
      driverError("Query execution was interrupted (max_statement_time exceeded)", {
        code: "ER_STATEMENT_TIMEOUT",
        errno: 1969,
      }),
      "read",
      "TIMEOUT",
    ],
    [driverError("permission denied for table members", { code: "42501" }), "write", "READ_ONLY_VIOLATION"],
    [
      driverError("UPDATE command denied to user 'svc_writer'@'10.1.2.3' for table 'members'", {
        code: "ER_TABLEACCESS_DENIED_ERROR",
        errno: 1142,
      }),
      "write",
      "READ_ONLY_VIOLATION",
    ],
    [driverError('column "fax" does not exist', { code: "42703" }), "read", "SCHEMA_CHANGED"],
    [
      driverError('duplicate key value violates unique constraint "members_email" Key (email)=(hanako@example.com)', {
        code: "23505",
      }),
      "write",
      "ERROR",
    ],
  ];
  it.each(cases)("%s", (err, kind, code) => {
    const safe = toSafeError(err, kind);
    expect(safe.code).toBe(code);
    for (const secret of ["svc_reader", "svc_writer", "10.1.2.3", "hanako", "fax"])
      expect(safe.message).not.toContain(secret);
  });
});
