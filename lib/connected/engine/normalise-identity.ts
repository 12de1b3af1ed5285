import type { IdentityValues } from "./types";
export type NormalisedIdentity = { email?: string; phone?: string; memberId?: string; name?: string; nameKana?: string; birthDate?: string };
export function normaliseIdentity(v: IdentityValues): NormalisedIdentity { void v; throw new Error("not implemented yet"); }
