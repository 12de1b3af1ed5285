import crypto from "node:crypto";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { useStorageBackend } from "@/tests/helpers/storage-backend";
import { fileContentExists, putFileContent, readStoredFile, recordStoredFile } from "@/lib/files/file-store";
import { fileKey, storage } from "@/lib/files/storage";
import { encrypt, openString, randomToken, sealString } from "@/lib/server/crypto";
import { rotateFileKey } from "@/lib/operations/rotate-file-key";

// `npm run keys:rotate` on both storage backends: every file and sealed value moves to the
// new key, the old key opens nothing any more, the content is byte for byte the same.

const meta = { role: "MESSAGE_ATTACHMENT" as const, mimeType: "application/pdf", originalName: "a.pdf" };
const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

describe.each(["disk", "s3"] as const)("key rotation on %s", (kind) => {
  useStorageBackend(kind);
  beforeEach(resetDatabase);

  it("re-encrypts chunked and older whole-file files and every sealed value; the old key fails, the new opens, sha256 unchanged", async () => {
    const oldKey = fileKey();
    const newKey = crypto.randomBytes(32);
    const contents = [Buffer.from("%PDF-1.4 運転免許証 山田太郎"), crypto.randomBytes(200_000)];
    for (const content of contents)
      await prisma.$transaction(async (tx) => recordStoredFile(tx, await putFileContent(content), meta));
    // A file in the format before chunking: whole-file GCM, IV and tag in the row.
    const legacy = Buffer.from("legacy scan");
    const sealed = encrypt(legacy, oldKey);
    const legacyKey = randomToken(24);
    await storage().put(legacyKey, Readable.from([sealed.ciphertext]));
    await prisma.storedFile.create({
      data: {
        ...meta,
        storageKey: legacyKey,
        iv: sealed.iv,
        authTag: sealed.authTag,
        sizeBytes: legacy.length,
        sha256: sha256(legacy),
      },
    });
    contents.push(legacy);
    const staff = await prisma.staffUser.create({
      data: {
        email: "a@example.jp",
        name: "管理 花子",
        role: "ADMIN",
        totpSecret: sealString("JBSWY3DPEHPK3PXP", oldKey),
      },
    });
    const before = await prisma.storedFile.findMany({ orderBy: { createdAt: "asc" } });

    const result = await rotateFileKey(prisma, oldKey, newKey);
    expect(result).toMatchObject({ files: 3, filesAlreadyRotated: 0, values: 1 });

    const after = await prisma.storedFile.findMany({ orderBy: { createdAt: "asc" } });
    for (const [i, row] of after.entries()) {
      const original = before.find((b) => b.id === row.id);
      expect(row.storageKey).not.toBe(original?.storageKey);
      expect(await fileContentExists(original?.storageKey ?? "")).toBe(false);
      await expect(readStoredFile(row, oldKey)).rejects.toThrow(/unable to authenticate/);
      const opened = await readStoredFile(row, newKey);
      expect(sha256(opened)).toBe(row.sha256);
      expect(row.sha256).toBe(original?.sha256);
      expect(opened.equals(contents[i] ?? Buffer.alloc(0))).toBe(true);
    }
    const totp = (await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).totpSecret ?? "";
    expect(() => openString(totp, oldKey)).toThrow();
    expect(openString(totp, newKey)).toBe("JBSWY3DPEHPK3PXP");

    // Run again (say, after an interruption): everything is already under the new key.
    expect(await rotateFileKey(prisma, oldKey, newKey)).toMatchObject({
      files: 0,
      filesAlreadyRotated: 3,
      values: 0,
      valuesAlreadyRotated: 1,
    });
    // A key that opens nothing stops the run instead of skipping.
    await expect(rotateFileKey(prisma, crypto.randomBytes(32), crypto.randomBytes(32))).rejects.toThrow(/neither/);
  }, 60_000);
});
