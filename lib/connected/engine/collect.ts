import type { CollectOptions, Collection, ConnectionConfig, DatasetMap, IdentityValues } from "./types";
export async function collect(conn: ConnectionConfig, map: DatasetMap, identity: IdentityValues, opts?: CollectOptions): Promise<Collection> { void conn; void map; void identity; void opts; throw new Error("not implemented yet"); }
