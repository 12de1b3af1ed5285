import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { idSchema } from "@/lib/requests/shared-schemas";
import type { ConnectionCheck } from "./check-connection";

export type ConnectionView = {
  dialect: "postgres" | "mysql";
  /** Host/port/database only. */
  target: string | null;
  hasReadUrl: boolean;
  hasWriteUrl: boolean;
  mapYaml: string | null;
  mapUpdatedAt: Date | null;
  lastCheck: ConnectionCheck | null;
  lastCheckAt: Date | null;
};

/** What the data-map page shows of a connection: whether the secrets are set, never the secrets. */
export async function getConnectionView(opts: {
  actor: Actor | null;
  input: { systemId: string };
}): Promise<ConnectionView | null> {
  assertPermission(opts.actor, "manage:data-map");
  const systemId = idSchema.parse(opts.input.systemId);
  const c = await prisma.connectedSystem.findUnique({ where: { systemId } });
  if (!c) return null;
  return {
    dialect: c.dialect === "mysql" ? "mysql" : "postgres",
    target: c.target,
    hasReadUrl: Boolean(c.readUrlSealed),
    hasWriteUrl: Boolean(c.writeUrlSealed),
    mapYaml: c.mapYaml,
    mapUpdatedAt: c.mapUpdatedAt,
    lastCheck: (c.lastCheck as ConnectionCheck | null) ?? null,
    lastCheckAt: c.lastCheckAt,
  };
}
