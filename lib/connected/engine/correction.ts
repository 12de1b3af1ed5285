import type { ChangeOptions, ChangeResult, ConnectionConfig, CorrectionInput, CorrectionPlan, DatasetMap } from "./types";
export async function planCorrection(conn: ConnectionConfig, map: DatasetMap, input: CorrectionInput): Promise<CorrectionPlan> { void conn; void map; void input; throw new Error("not implemented yet"); }
export async function applyCorrection(writeConn: ConnectionConfig, map: DatasetMap, plan: CorrectionPlan, opts: ChangeOptions): Promise<ChangeResult> { void writeConn; void map; void plan; void opts; throw new Error("not implemented yet"); }
