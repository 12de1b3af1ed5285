import { ConnectedSystemError } from "../errors";
import type { ConnectionConfig } from "../types";
import type { Driver } from "./driver";
import { openMysql } from "./mysql";
import { closePglite, openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export function openDriver(conn: ConnectionConfig): Driver {
  const url = conn.url.trim();
  if (conn.dialect === "postgres") {
    if (url.startsWith("pglite:")) return openPglite(url);
    if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  }
  if (conn.dialect === "mysql" && /^(mysql|mariadb):\/\//i.test(url))
    return openMysql(url.replace(/^mariadb:/i, "mysql:"));
  // Never echo the URL: it carries the password.
  throw new ConnectedSystemError(
    "UNREACHABLE",
    `The connection URL does not suit the ${conn.dialect === "postgres" ? "PostgreSQL" : "MySQL"} dialect.`,
  );
}

/** Closes cached embedded (PGlite) instances; call on shutdown and at the end of tests. */
export async function closeConnectedResources(): Promise<void> {
  await closePglite();
}
