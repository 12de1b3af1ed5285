import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { sha256Hex } from "@/lib/server/crypto";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import { serializeMapYaml } from "./engine";
import { parseMapText, type MapProblem } from "./map-yaml";

export const saveMapSchema = z.object({
  systemId: idSchema,
  /** YAML or JSON, as kept in the company's repository. */
  mapText: z.string().min(1, { message: "errors.required" }).max(500_000, { message: "errors.tooLong" }),
});
export type SaveMapInput = z.input<typeof saveMapSchema>;

/** A map that fails validation: the problems, each with line and column, for the editor. */
export class MapInvalidError extends AppError {
  constructor(readonly problems: MapProblem[]) {
    super("INVALID_INPUT", "dataset map invalid", { mapText: ["connected.errors.mapInvalid"] });
  }
}

/**
 * Imports (or edits) a system's dataset map. Refused whole when any part is invalid; the
 * dialect must match the connection's. The stored text is the normalised YAML the engine
 * writes, so exports are stable. The audit keeps the table and column names, not the file.
 */
export async function saveDatasetMap(opts: {
  actor: Actor | null;
  input: SaveMapInput;
}): Promise<{ tables: number; columns: number }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(saveMapSchema, opts.input, "dataset map");
  const parsed = parseMapText(q.mapText);
  if (!parsed.ok) throw new MapInvalidError(parsed.problems);
  const map = parsed.map;
  const yaml = serializeMapYaml(map);
  return prisma.$transaction(async (tx) => {
    const c = await tx.connectedSystem.findUnique({ where: { systemId: q.systemId } });
    if (!c)
      throw new AppError("INVALID_STATE", "connected.state.notConnected", { _form: ["connected.state.notConnected"] });
    if (c.dialect !== map.dialect)
      throw new AppError("INVALID_INPUT", "dialect", { mapText: ["connected.errors.mapDialect"] });
    await tx.connectedSystem.update({
      where: { systemId: q.systemId },
      data: {
        mapYaml: yaml,
        mapSha256: sha256Hex(yaml),
        mapUpdatedAt: new Date(),
        lastCheck: Prisma.DbNull,
        lastCheckOk: null,
      },
    });
    const columns = map.tables.reduce((n, t) => n + t.columns.length, 0);
    await writeAuditEvent(tx, {
      actor,
      action: "connected.map_saved",
      entity: "SystemOfRecord",
      entityId: q.systemId,
      data: {
        sha256: sha256Hex(yaml),
        tables: map.tables.map((t) => ({ table: t.name, columns: t.columns.map((col) => col.name) })),
      },
    });
    return { tables: map.tables.length, columns };
  });
}

/** The stored map as YAML for download (admins only); null when none is saved. */
export async function exportDatasetMap(opts: {
  actor: Actor | null;
  input: { systemId: string };
}): Promise<{ fileName: string; yaml: string } | null> {
  assertPermission(opts.actor, "manage:data-map");
  const systemId = idSchema.parse(opts.input.systemId);
  const c = await prisma.connectedSystem.findUnique({
    where: { systemId },
    include: { system: { select: { key: true } } },
  });
  if (!c?.mapYaml) return null;
  return { fileName: `${c.system.key}-dataset-map.yaml`, yaml: c.mapYaml };
}
