import crypto from "node:crypto";
import type { Readable } from "node:stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openString, sealString } from "@/lib/server/crypto";
import { destroyFileContent, openStoredFile, putFileContent } from "@/lib/files/file-store";

// Re-encrypts everything sealed with FILE_ENCRYPTION_KEY under a new key (`npm run
// keys:rotate`, docs/deploy.md): every stored file, through the storage interface so it
// works the same on disk and in S3, and every sealed value in the database. Safe to run
// again after an interruption: what already opens with the new key is left as it is.

/** Database columns holding values sealed with the file key (lib/server/crypto sealString). */
export const sealedColumns = [
  { table: "StaffUser", column: "totpSecret" },
  { table: "SignInChallenge", column: "pendingSecret" },
  { table: "SystemOfRecord", column: "webhookSecret" },
  { table: "ConnectedSystem", column: "readUrlSealed" },
  { table: "ConnectedSystem", column: "writeUrlSealed" },
  { table: "Collection", column: "resultSealed" },
  { table: "ChangePlan", column: "planSealed" },
  { table: "OutboxMessage", column: "sealedBody" },
] as const;

export type RotationResult = {
  files: number;
  filesAlreadyRotated: number;
  values: number;
  valuesAlreadyRotated: number;
};

async function sha256Of(stream: Readable): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

type FileRow = { id: string; storageKey: string; iv: string; authTag: string; sha256: string; deletedAt: Date | null };

/** One file: opened with the old key and sealed with the new one in one pass, then the row points at the new object. */
async function rotateFile(
  db: PrismaClient,
  file: FileRow,
  oldKey: Buffer,
  newKey: Buffer,
): Promise<"rotated" | "already"> {
  let sealed;
  try {
    sealed = await putFileContent(await openStoredFile(file, oldKey), newKey);
  } catch (e) {
    // Interrupted before: the row may already point at a copy under the new key.
    const underNew = await sha256Of(await openStoredFile(file, newKey)).catch(() => null);
    if (underNew === file.sha256) return "already";
    throw new Error(
      `file ${file.id} opens with neither the old nor the new key: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (sealed.sha256 !== file.sha256) {
    await destroyFileContent(sealed.storageKey);
    throw new Error(`file ${file.id}: content does not match its recorded sha256; left unchanged`);
  }
  // Only if the row still names the object just read (nothing rotated or deleted it meanwhile).
  const moved = await db.storedFile.updateMany({
    where: { id: file.id, storageKey: file.storageKey },
    data: { storageKey: sealed.storageKey, iv: sealed.iv, authTag: sealed.authTag },
  });
  if (moved.count === 1) await destroyFileContent(file.storageKey);
  else await destroyFileContent(sealed.storageKey);
  return "rotated";
}

export async function rotateFileKey(
  db: PrismaClient,
  oldKey: Buffer,
  newKey: Buffer,
  progress: (line: string) => void = () => {},
): Promise<RotationResult> {
  if (oldKey.length !== 32 || newKey.length !== 32) throw new Error("keys must be 32 bytes");
  if (oldKey.equals(newKey)) throw new Error("the new key is the old key");
  const result: RotationResult = { files: 0, filesAlreadyRotated: 0, values: 0, valuesAlreadyRotated: 0 };

  let cursor: string | undefined;
  for (;;) {
    const batch = await db.storedFile.findMany({
      where: { deletedAt: null },
      orderBy: { id: "asc" },
      take: 100,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, storageKey: true, iv: true, authTag: true, sha256: true, deletedAt: true },
    });
    if (batch.length === 0) break;
    for (const file of batch) {
      if ((await rotateFile(db, file, oldKey, newKey)) === "rotated") result.files++;
      else result.filesAlreadyRotated++;
    }
    cursor = batch.at(-1)?.id;
    progress(`files: ${result.files} re-encrypted, ${result.filesAlreadyRotated} already under the new key`);
  }

  for (const { table, column } of sealedColumns) {
    // Identifiers come from the constant list above, never from input.
    const rows = await db.$queryRawUnsafe<{ id: string; value: string }[]>(
      `SELECT id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const row of rows) {
      let plain: string;
      try {
        plain = openString(row.value, oldKey);
      } catch {
        openString(row.value, newKey); // throws if it opens with neither
        result.valuesAlreadyRotated++;
        continue;
      }
      await db.$executeRawUnsafe(
        `UPDATE "${table}" SET "${column}" = $1 WHERE id = $2 AND "${column}" = $3`,
        sealString(plain, newKey),
        row.id,
        row.value,
      );
      result.values++;
    }
  }
  progress(`sealed values: ${result.values} re-sealed, ${result.valuesAlreadyRotated} already under the new key`);
  return result;
}
