// Pure builder of the disclosure files from collections (no Prisma, no Next).
import type { Collection, Exclusion } from "../engine/types";

export type DisclosureSystemInput = {
  /** The data-map system's display name. */
  name: string;
  collection: Collection;
  /** This system's exclusions; applied before anything is built. */
  exclusions: Exclusion[];
};
export type DisclosureFilesInput = {
  systems: DisclosureSystemInput[];
  locale: "ja" | "en";
  requestReference: string;
};
export type DisclosureFiles = { pdf: Buffer; json: Buffer; csv: Buffer };

export async function buildDisclosureFiles(input: DisclosureFilesInput): Promise<DisclosureFiles> {
  void input;
  throw new Error("not implemented yet");
}
