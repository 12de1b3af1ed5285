import type { ConnectionConfig, DatasetMap, MapCheck } from "./types";
export async function checkMap(conn: ConnectionConfig, map: DatasetMap): Promise<MapCheck> { void conn; void map; throw new Error("not implemented yet"); }
