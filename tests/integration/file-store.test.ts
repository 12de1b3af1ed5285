import crypto from "node:crypto";
import { Readable, Transform } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { useStorageBackend } from "@/tests/helpers/storage-backend";
import { createRequest, DAY } from "@/tests/helpers/request-fixtures";
import {
  fileContentExists,
  openStoredFile,
  putFileContent,
  readStoredFile,
  recordStoredFile,
  storeFile,
} from "@/lib/files/file-store";
import { setStorageBackend, storage } from "@/lib/files/storage";
import { sweepOrphanFiles } from "@/lib/files/sweep-orphan-files";
import { CHUNK_BYTES, sealedSize } from "@/lib/files/sealed-stream";
import { encrypt } from "@/lib/server/crypto";
import { purgeIdentityDocuments } from "@/lib/operations/retention";

// One suite, two backends: the folder on this machine and a real S3 API server (s3rver)
// reached through the AWS SDK exactly as a deployment reaches S3 or MinIO.

async function raw(key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of await storage().get(key)) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

async function drain(stream: Readable): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for await (const p of stream) {
    hash.update(p as Buffer);
    bytes += (p as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** A deterministic stream of `size` bytes in uneven pieces, never held whole. */
function generated(size: number, seed = 7): Readable {
  let sent = 0;
  let n = seed;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const len = Math.min(size - sent, 10_000 + (n % 50_000));
      const piece = Buffer.alloc(len);
      for (let i = 0; i < len; i++) piece[i] = (n = (n * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      sent += len;
      this.push(piece);
    },
  });
}

const meta = { role: "MESSAGE_ATTACHMENT" as const, mimeType: "application/pdf", originalName: "a.pdf" };
const rowOf = (storageKey: string) => prisma.storedFile.findUniqueOrThrow({ where: { storageKey } });

describe.each(["disk", "s3"] as const)("file store on %s", (kind) => {
  useStorageBackend(kind);
  beforeEach(resetDatabase);

  it("keeps only ciphertext and gives the content back", async () => {
    const content = Buffer.from("%PDF-1.4 運転免許証 山田太郎");
    const { id, sizeBytes } = await prisma.$transaction((tx) => storeFile(tx, { ...meta, content }));
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id } });
    expect(sizeBytes).toBe(content.length);
    const stored = await raw(row.storageKey);
    expect(stored.length).toBe(sealedSize(content.length));
    expect(stored.includes(Buffer.from("山田太郎"))).toBe(false);
    expect(await readStoredFile(row)).toEqual(content);
  });

  it.each([0, CHUNK_BYTES, 3 * CHUNK_BYTES + 17, 6 * 1024 * 1024 + 5])(
    "streams %i bytes in and out unchanged",
    async (size) => {
      const expected = await drain(generated(size));
      const sealed = await putFileContent(generated(size));
      expect(sealed).toMatchObject({ sizeBytes: size, sha256: expected.sha256 });
      await prisma.$transaction((tx) => recordStoredFile(tx, sealed, meta));
      const out = await drain(await openStoredFile(await rowOf(sealed.storageKey)));
      expect(out).toEqual(expected);
    },
  );

  it("reads a large file from storage only as fast as the download is read (issue 16: streamed, with backpressure)", async () => {
    const size = 24 * 1024 * 1024;
    const sealed = await putFileContent(generated(size));
    await prisma.$transaction((tx) => recordStoredFile(tx, sealed, meta));
    // Counts what leaves the backend, on the real object; the file store sees an ordinary stream.
    const backend = storage();
    let pulled = 0;
    setStorageBackend({
      ...backend,
      get: async (key) =>
        (await backend.get(key)).pipe(
          new Transform({
            transform(piece: Buffer, _enc, done) {
              pulled += piece.length;
              done(null, piece);
            },
          }),
        ),
    });
    try {
      // As app/api/status/file-response.ts hands the file to the response.
      const body = Readable.toWeb(await openStoredFile(await rowOf(sealed.storageKey))) as ReadableStream<Uint8Array>;
      const reader = body.getReader();
      let received = (await reader.read()).value?.byteLength ?? 0;
      // A slow client: give every stage time to fill its buffers, then see how far the source ran ahead.
      for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 10));
      expect(pulled).toBeLessThan(4 * 1024 * 1024);
      for (let next = await reader.read(); !next.done; next = await reader.read()) received += next.value.byteLength;
      expect(received).toBe(size);
    } finally {
      setStorageBackend(backend);
    }
  });

  it("refuses content that was changed, cut at a chunk boundary or read with another key", async () => {
    const sealed = await putFileContent(generated(3 * CHUNK_BYTES + 100));
    await prisma.$transaction((tx) => recordStoredFile(tx, sealed, meta));
    const row = await rowOf(sealed.storageKey);
    const good = await raw(sealed.storageKey);
    await expect(readStoredFile(row, crypto.randomBytes(32))).rejects.toThrow(/unable to authenticate/);
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(CHUNK_BYTES + 40) ^ 1, CHUNK_BYTES + 40);
    await storage().put(sealed.storageKey, Readable.from([flipped]));
    await expect(readStoredFile(row)).rejects.toThrow(/unable to authenticate/);
    await storage().put(sealed.storageKey, Readable.from([good.subarray(0, 2 * (CHUNK_BYTES + 16))]));
    await expect(readStoredFile(row)).rejects.toThrow(/unable to authenticate|truncated/);
    await storage().put(sealed.storageKey, Readable.from([good]));
    expect((await readStoredFile(row)).length).toBe(3 * CHUNK_BYTES + 100);
  });

  it("still opens files sealed whole in the format before streaming", async () => {
    const content = Buffer.from("older notice");
    const s = encrypt(content);
    const storageKey = crypto.randomBytes(24).toString("base64url");
    await storage().put(storageKey, Readable.from([s.ciphertext]));
    const row = await prisma.storedFile.create({
      data: { ...meta, storageKey, sizeBytes: content.length, sha256: "x", iv: s.iv, authTag: s.authTag },
    });
    expect(await readStoredFile(row)).toEqual(content);
  });

  it("leaves nothing behind when the upload fails half way", async () => {
    const before = await keys();
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent > 6 * 1024 * 1024) return void this.destroy(new Error("client went away"));
        sent += 1024 * 1024;
        this.push(crypto.randomBytes(1024 * 1024));
      },
    });
    await expect(putFileContent(failing)).rejects.toThrow("client went away");
    expect(await keys()).toEqual(before);
  });

  it("sweeps objects no row names, once they are older than the grace period", async () => {
    const kept = await prisma.$transaction((tx) => storeFile(tx, { ...meta, content: Buffer.from("kept") }));
    const orphan = await putFileContent(Buffer.from("rolled back"));
    // Young orphans may belong to an upload whose row is still being written.
    expect(await sweepOrphanFiles(prisma)).toBe(0);
    expect(await sweepOrphanFiles(prisma, new Date(Date.now() + 60_000), 1000)).toBeGreaterThanOrEqual(1);
    expect(await fileContentExists(orphan.storageKey)).toBe(false);
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: kept.id } });
    expect(await readStoredFile(row)).toEqual(Buffer.from("kept"));
  });

  it("retention removes identity documents from this backend", async () => {
    const r = await createRequest({
      status: "CLOSED",
      identity: "VERIFIED",
      arrivedAt: new Date(Date.now() - 100 * DAY),
    });
    await prisma.request.update({ where: { id: r.id }, data: { closedAt: new Date(Date.now() - 91 * DAY) } });
    const { id } = await prisma.$transaction((tx) =>
      storeFile(tx, {
        role: "IDENTITY_DOCUMENT",
        content: Buffer.from("licence"),
        mimeType: "application/pdf",
        originalName: "l.pdf",
        requestId: r.id,
      }),
    );
    const { storageKey } = await prisma.storedFile.findUniqueOrThrow({ where: { id } });
    expect(await fileContentExists(storageKey)).toBe(true);
    expect(await purgeIdentityDocuments()).toEqual({ requests: 1, files: 1 });
    expect(await fileContentExists(storageKey)).toBe(false);
  });
});

async function keys(): Promise<string[]> {
  const out: string[] = [];
  for await (const o of storage().list()) out.push(o.key);
  return out.sort();
}
