import { z } from "zod";
import type { DatasetMap } from "./types";

export const datasetMapSchema: z.ZodType<DatasetMap> = z.any();
export function parseDatasetMap(input: unknown): DatasetMap { void input; throw new Error("not implemented yet"); }
export function parseMapYaml(text: string): DatasetMap { void text; throw new Error("not implemented yet"); }
export function serializeMapYaml(map: DatasetMap): string { void map; throw new Error("not implemented yet"); }
