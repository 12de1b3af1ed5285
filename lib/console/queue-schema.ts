import { z } from "zod";
import { Channel, FeeStatus, IdentityStatus, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/requests/shared-schemas";

export const QUEUE_PAGE_SIZE = 25;

const list = <T extends Record<string, string>>(e: T) => z.array(z.enum(e)).max(20).optional();

export const listQueueSchema = z.object({
  page: z.number().int().min(1).max(4000).default(1),
  type: list(RequestType),
  status: list(RequestStatus),
  identity: list(IdentityStatus),
  fee: list(FeeStatus),
  channel: list(Channel),
  /** "me" is the signed-in staff member; "unassigned" the requests nobody has taken. */
  assignee: z.union([z.literal("me"), z.literal("unassigned"), idSchema]).optional(),
  dueSoon: z.boolean().optional(),
  overdue: z.boolean().optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(["dueAt", "arrivedAt", "reference"]).default("dueAt"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});

export type ListQueueInput = z.input<typeof listQueueSchema>;
