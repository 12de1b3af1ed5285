import type { Request } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/errors";

export const blocked = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/** The package of a disclosure request that can still be changed (not yet published). */
export async function editablePackage(tx: Tx, r: Request) {
  if (r.type !== "DISCLOSURE") throw blocked("console.package.notDisclosure");
  if (r.status === "CLOSED" || r.status === "WITHDRAWN" || r.status === "ABANDONED")
    throw blocked("console.state.requestClosed");
  const pkg = await tx.disclosurePackage.findUnique({ where: { requestId: r.id } });
  if (!pkg) throw blocked("console.package.missing");
  if (pkg.publishedAt) throw blocked("console.package.published");
  return pkg;
}
