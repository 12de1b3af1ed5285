import { prisma } from "@/lib/server/db";

/**
 * The request's version right after a staff member's own save, returned to the page so
 * its other forms base their next save on it. Read in the same server action straight
 * after the save's transaction committed; null when the id names no request.
 */
export async function currentRequestVersion(requestId: string): Promise<number | null> {
  if (!requestId || requestId.length > 64) return null;
  const row = await prisma.request.findUnique({ where: { id: requestId }, select: { version: true } });
  return row?.version ?? null;
}
