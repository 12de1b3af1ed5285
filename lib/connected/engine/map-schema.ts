import { parse, stringify, YAMLParseError } from "yaml";
import { z } from "zod";
import { ConnectedSystemError } from "./errors";
import type { DatasetMap } from "./types";

// Identifiers are checked again against the live schema before any query (the allow-list) and
// quoted by the driver; here they only need to be plausible names: no control characters, no
// NUL, at most 64 characters (MySQL's limit; PostgreSQL's is 63 bytes).
const identifier = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");

const label = z.string().trim().min(1).max(200);

const erasureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set_null") }).strict(),
  z.object({ kind: z.literal("fixed"), value: z.string().max(500) }).strict(),
  z.object({ kind: z.literal("keyed_hash") }).strict(),
  z.object({ kind: z.literal("delete_row") }).strict(),
  z.object({ kind: z.literal("keep") }).strict(),
]);

const columnSchema = z
  .object({
    name: identifier,
    category: z.number().int().min(1).max(11),
    labelJa: label,
    labelEn: label,
    erasure: erasureSchema.optional(),
    correctable: z.boolean().optional(),
  })
  .strict();

const identitySchema = z
  .object({
    kind: z.enum(["email", "phone", "member_id", "name_birth_date"]),
    column: identifier,
    birthDateColumn: identifier.optional(),
  })
  .strict();

const referenceSchema = z
  .object({
    columns: z.array(identifier).min(1).max(8),
    table: identifier,
    refColumns: z.array(identifier).min(1).max(8),
    followToReferenced: z.boolean().optional(),
  })
  .strict();

const tableSchema = z
  .object({
    name: identifier,
    labelJa: label.optional(),
    labelEn: label.optional(),
    schema: identifier.optional(),
    primaryKey: z.array(identifier).min(1).max(8),
    deleteRowAllowed: z.boolean().optional(),
    suspension: z
      .object({ column: identifier, value: z.union([z.string().max(200), z.number(), z.boolean()]) })
      .strict()
      .optional(),
    identities: z.array(identitySchema).max(20).optional(),
    columns: z.array(columnSchema).min(1).max(500),
    references: z.array(referenceSchema).max(50).optional(),
  })
  .strict();

export const datasetMapSchema = z
  .object({
    version: z.literal(1),
    dialect: z.enum(["postgres", "mysql"]),
    tables: z.array(tableSchema).min(1).max(200),
  })
  .strict()
  .superRefine((map, ctx) => {
    const names = new Set<string>();
    map.tables.forEach((t, ti) => {
      const at = (...p: (string | number)[]) => ["tables", ti, ...p];
      if (names.has(t.name))
        ctx.addIssue({ code: "custom", path: at("name"), message: `table "${t.name}" appears twice` });
      names.add(t.name);
      const cols = new Set<string>();
      t.columns.forEach((c, ci) => {
        if (cols.has(c.name))
          ctx.addIssue({
            code: "custom",
            path: at("columns", ci, "name"),
            message: `column "${c.name}" appears twice`,
          });
        cols.add(c.name);
        if (c.erasure?.kind === "delete_row" && !t.deleteRowAllowed) {
          ctx.addIssue({
            code: "custom",
            path: at("columns", ci, "erasure"),
            message: `column "${c.name}": delete_row needs deleteRowAllowed: true on table "${t.name}"`,
          });
        }
        if (
          c.erasure &&
          c.erasure.kind !== "keep" &&
          c.erasure.kind !== "delete_row" &&
          t.primaryKey.includes(c.name)
        ) {
          ctx.addIssue({
            code: "custom",
            path: at("columns", ci, "erasure"),
            message: `column "${c.name}" is part of the primary key of "${t.name}" and cannot be masked`,
          });
        }
      });
      if (t.suspension && t.primaryKey.includes(t.suspension.column)) {
        ctx.addIssue({
          code: "custom",
          path: at("suspension", "column"),
          message: `suspension column "${t.suspension.column}" is part of the primary key of "${t.name}"`,
        });
      }
      t.identities?.forEach((idn, ii) => {
        if (idn.kind === "name_birth_date" && !idn.birthDateColumn) {
          ctx.addIssue({
            code: "custom",
            path: at("identities", ii, "birthDateColumn"),
            message: `identity name_birth_date on "${t.name}.${idn.column}" needs birthDateColumn`,
          });
        }
      });
    });
    map.tables.forEach((t, ti) => {
      t.references?.forEach((r, ri) => {
        if (!names.has(r.table))
          ctx.addIssue({
            code: "custom",
            path: ["tables", ti, "references", ri, "table"],
            message: `table "${t.name}" references "${r.table}", which is not in the map`,
          });
        if (r.columns.length !== r.refColumns.length)
          ctx.addIssue({
            code: "custom",
            path: ["tables", ti, "references", ri, "refColumns"],
            message: `reference from "${t.name}" to "${r.table}" pairs ${r.columns.length} column(s) with ${r.refColumns.length}`,
          });
      });
    });
  });

/** "tables[1] (payments) › columns[2] (card_last4) › erasure" — names the table and column at fault. */
function describePath(input: unknown, path: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (const key of path) {
    const next = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const name =
        next !== null && typeof next === "object"
          ? ((next as Record<string, unknown>).name ?? (next as Record<string, unknown>).column)
          : undefined;
      parts[parts.length - 1] =
        `${parts[parts.length - 1] ?? ""}[${key}]${typeof name === "string" ? ` (${name.slice(0, 64)})` : ""}`;
    } else {
      parts.push(String(key));
    }
    node = next;
  }
  return parts.join(" › ") || "map";
}

export function parseDatasetMap(input: unknown): DatasetMap {
  const result = datasetMapSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 10).map((i) => `${describePath(input, i.path)}: ${i.message}`);
  throw new ConnectedSystemError("MAP_INVALID", `The dataset map is invalid — ${lines.join("; ")}`);
}

export function parseMapYaml(text: string): DatasetMap {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 50, uniqueKeys: true });
  } catch (e) {
    const where =
      e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "";
    throw new ConnectedSystemError("MAP_INVALID", `The YAML could not be read${where}.`);
  }
  return parseDatasetMap(doc);
}

export function serializeMapYaml(map: DatasetMap): string {
  return stringify(parseDatasetMap(map), { lineWidth: 0 });
}
