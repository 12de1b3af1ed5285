// The demo target: a sample service database (both dialects), its dataset map and seeders.
import type { ConnectionConfig, DatasetMap, Dialect } from "../engine/types";

/** The demo service's dataset map, as an object (validated) and as YAML text. */
export function demoDatasetMap(dialect: Dialect): DatasetMap { void dialect; throw new Error("not implemented yet"); }
export function demoMapYaml(dialect: Dialect): string { void dialect; throw new Error("not implemented yet"); }

/**
 * Creates the demo tables if missing and inserts the demo people (the ones lib/seed/demo-requests.ts
 * names, plus look-alikes) once. Idempotent. For the embedded default use
 * `{ dialect: "postgres", url: "pglite:/abs/dir" }`.
 */
export async function ensureDemoTarget(conn: ConnectionConfig): Promise<void> { void conn; throw new Error("not implemented yet"); }
