import crypto from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

// The chunked file format ("c1", docs/decisions/0013-object-storage.md). A whole-file
// AES-GCM seal can only be checked after the last byte, so a streamed download would hand
// out plaintext that was never authenticated. Here the plaintext is cut into 64 KiB chunks,
// each sealed on its own with AES-256-GCM under a key derived for this file alone (HKDF
// from the file key and a random 16-byte salt), so nonces can simply count chunks. The
// nonce's last byte marks the final chunk: dropping, reordering or truncating chunks fails.

export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
/** Marks the `iv` column of a file sealed in this format; the salt follows it. */
export const CHUNKED_PREFIX = "c1:";

function fileSubkey(key: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", key, salt, "madoguchi-file-c1", 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(index / 2 ** 32), 3);
  n.writeUInt32BE(index % 2 ** 32, 7);
  n[11] = last ? 1 : 0;
  return n;
}

export function newChunkedSalt(): Buffer {
  return crypto.randomBytes(16);
}

/** Collects bytes and hands them on in pieces of exactly `size`, keeping the rest (at least one byte back, so the last piece is known). */
abstract class Chunker extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  protected index = 0;

  constructor(private readonly pieceBytes: number) {
    super();
  }

  protected abstract seal(piece: Buffer, last: boolean): Buffer;

  override _transform(data: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.pending.push(data);
      this.pendingBytes += data.length;
      if (this.pendingBytes <= this.pieceBytes) return done();
      let all = Buffer.concat(this.pending);
      // Keep back whatever could still be the final piece.
      while (all.length > this.pieceBytes) {
        this.push(this.seal(all.subarray(0, this.pieceBytes), false));
        this.index++;
        all = all.subarray(this.pieceBytes);
      }
      this.pending = [Buffer.from(all)];
      this.pendingBytes = all.length;
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.push(this.seal(Buffer.concat(this.pending), true));
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}

class SealChunks extends Chunker {
  constructor(private readonly subkey: Buffer) {
    super(CHUNK_BYTES);
  }

  protected seal(piece: Buffer, last: boolean): Buffer {
    const cipher = crypto.createCipheriv("aes-256-gcm", this.subkey, nonce(this.index, last));
    return Buffer.concat([cipher.update(piece), cipher.final(), cipher.getAuthTag()]);
  }
}

class OpenChunks extends Chunker {
  constructor(private readonly subkey: Buffer) {
    super(SEALED_CHUNK_BYTES);
  }

  protected seal(piece: Buffer, last: boolean): Buffer {
    if (piece.length < TAG_BYTES) throw new Error("sealed file is truncated");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.subkey, nonce(this.index, last));
    decipher.setAuthTag(piece.subarray(piece.length - TAG_BYTES));
    return Buffer.concat([decipher.update(piece.subarray(0, piece.length - TAG_BYTES)), decipher.final()]);
  }
}

/** Plaintext in, sealed chunks out. */
export function sealingStream(key: Buffer, salt: Buffer): Transform {
  return new SealChunks(fileSubkey(key, salt));
}

/** Sealed chunks in, plaintext out; each chunk is authenticated before any of it is passed on. */
export function openingStream(key: Buffer, salt: Buffer): Transform {
  return new OpenChunks(fileSubkey(key, salt));
}

/** Size of the stored object for `plainBytes` of content. */
export function sealedSize(plainBytes: number): number {
  return plainBytes + Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES)) * TAG_BYTES;
}
