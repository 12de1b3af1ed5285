import type { Role } from "@/lib/generated/prisma/enums";

// Who is acting. Domain functions take one of these and check it themselves.
export type StaffActor = { type: "STAFF"; id: string; role: Role };
export type RequesterActor = { type: "REQUESTER"; requestId: string };
export type SystemActor = { type: "SYSTEM"; job?: string };
export type ApiTokenActor = { type: "API_TOKEN"; id: string; systemId: string };
export type Actor = StaffActor | RequesterActor | SystemActor | ApiTokenActor;

export const systemActor = (job?: string): SystemActor => ({ type: "SYSTEM", job });

export function actorId(actor: Actor): string | null {
  switch (actor.type) {
    case "STAFF":
    case "API_TOKEN":
      return actor.id;
    case "REQUESTER":
      return actor.requestId;
    case "SYSTEM":
      return actor.job ?? null;
  }
}
