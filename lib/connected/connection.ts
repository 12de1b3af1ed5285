import crypto from "node:crypto";
import type { Request } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { openString } from "@/lib/server/crypto";
import { AppError } from "@/lib/errors";
import { parseMapYaml, type ConnectionConfig, type DatasetMap, type Dialect, type IdentityValues } from "./engine";

// Helpers shared by the connected-system operations. The sealed URLs are opened only here,
// only to hand them to the engine; nothing returns them to a caller that renders or logs.

export type LoadedConnection = {
  systemId: string;
  dialect: Dialect;
  map: DatasetMap;
  read: ConnectionConfig;
  write: ConnectionConfig | null;
};

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/** The system's connection and parsed map, or an INVALID_STATE naming what is missing. */
export async function loadConnection(db: Db, systemId: string): Promise<LoadedConnection> {
  const c = await db.connectedSystem.findUnique({
    where: { systemId },
    include: { system: { select: { handling: true, active: true } } },
  });
  if (!c || c.system.handling !== "CONNECTED") throw state("connected.state.notConnected");
  if (!c.readUrlSealed) throw state("connected.state.noReadUrl");
  if (!c.mapYaml) throw state("connected.state.noMap");
  const dialect = c.dialect === "mysql" ? "mysql" : "postgres";
  return {
    systemId,
    dialect,
    map: parseMapYaml(c.mapYaml),
    read: { dialect, url: openString(c.readUrlSealed) },
    write: c.writeUrlSealed ? { dialect, url: openString(c.writeUrlSealed) } : null,
  };
}

/**
 * Host, port and database of a connection URL with the user and password dropped, for
 * telling targets apart on the data-map page. The embedded demo target shows as such.
 */
export function describeTarget(url: string): string {
  if (url.startsWith("pglite:")) return "embedded demo database";
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "—";
  }
}

/** The keyed hash for keyed_hash erasure and the audit hashes: one key per system, derived from the app secret. */
export function hashKeyFor(systemId: string): Buffer {
  return crypto.createHmac("sha256", env().MADOGUCHI_SECRET).update(`connected-hash:${systemId}`).digest();
}

/** The request's identity as the desk holds it; the engine normalises it. */
export function identityOf(
  r: Pick<Request, "email" | "phone" | "customerId" | "subjectName" | "subjectNameKana" | "subjectBirthDate">,
): IdentityValues {
  const v: IdentityValues = {};
  if (r.email) v.email = r.email;
  if (r.phone) v.phone = r.phone;
  if (r.customerId) v.memberId = r.customerId;
  if (r.subjectName) v.name = r.subjectName;
  if (r.subjectNameKana) v.nameKana = r.subjectNameKana;
  if (r.subjectBirthDate) v.birthDate = r.subjectBirthDate.toISOString().slice(0, 10);
  return v;
}
