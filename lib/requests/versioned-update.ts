import type { Prisma, Request } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/errors";

// Optimistic concurrency for Request: every change says which version it was based on.
// The UPDATE only matches that version, so of two staff saving the same request the
// second matches no row and gets STALE_VERSION with nothing changed (docs/design.md §3, ADR 0005).

export type RequestRef = { id: string; version: number };

/** Loads the whole request for a change, refusing early when the caller's version is old. */
export async function loadForChange(tx: Tx, ref: RequestRef): Promise<Request> {
  const row = await tx.request.findUnique({ where: { id: ref.id } });
  if (!row) throw new AppError("NOT_FOUND", "request");
  if (row.version !== ref.version) throw new AppError("STALE_VERSION", `request is at version ${row.version}`);
  return row;
}

/** Applies the change only at the expected version and returns the new version. */
export async function updateRequestVersioned(
  tx: Tx,
  ref: RequestRef,
  data: Prisma.RequestUncheckedUpdateManyInput,
): Promise<number> {
  const { count } = await tx.request.updateMany({
    where: { id: ref.id, version: ref.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.request.findUnique({ where: { id: ref.id }, select: { version: true } });
    if (!current) throw new AppError("NOT_FOUND", "request");
    throw new AppError("STALE_VERSION", `request is at version ${current.version}`);
  }
  return ref.version + 1;
}
