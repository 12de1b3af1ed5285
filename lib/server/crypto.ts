import crypto from "node:crypto";
import { env } from "./env";

// AES-256-GCM with a random 96-bit IV per message; the auth tag detects tampering.
export type Sealed = { iv: string; authTag: string; ciphertext: Buffer };

let fileKeyCache: { encoded: string; key: Buffer } | undefined;

/** Decoded once per key, not per sealed value: every filing seals its acknowledgement mail (ADR 0022). */
function fileKey(): Buffer {
  const encoded = env().FILE_ENCRYPTION_KEY;
  if (fileKeyCache?.encoded !== encoded) fileKeyCache = { encoded, key: Buffer.from(encoded, "base64") };
  return fileKeyCache.key;
}

export function encrypt(plain: Buffer, key: Buffer = fileKey()): Sealed {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString("base64"), authTag: cipher.getAuthTag().toString("base64"), ciphertext };
}

export function decrypt(sealed: Sealed, key: Buffer = fileKey()): Buffer {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** Seals a short string (e.g. a TOTP secret) into one printable value. */
export function sealString(plain: string, key: Buffer = fileKey()): string {
  const s = encrypt(Buffer.from(plain, "utf8"), key);
  return [s.iv, s.authTag, s.ciphertext.toString("base64")].join(".");
}

export function openString(sealed: string, key: Buffer = fileKey()): string {
  const [iv, authTag, ct] = sealed.split(".");
  if (!iv || !authTag || !ct) throw new Error("malformed sealed value");
  return decrypt({ iv, authTag, ciphertext: Buffer.from(ct, "base64") }, key).toString("utf8");
}

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

let hmacKey: { secret: string; key: crypto.KeyObject } | undefined;

/** The secret as a key object, made once: from a string, Node prepares the key again on every HMAC. */
function hmacKeyOf(secret: string): crypto.KeyObject {
  if (hmacKey?.secret !== secret) hmacKey = { secret, key: crypto.createSecretKey(Buffer.from(secret, "utf8")) };
  return hmacKey.key;
}

/** Keyed hash for lookups of secrets and addresses we must not store in the clear. */
export function hmacHex(data: string, purpose: string): string {
  return crypto.createHmac("sha256", hmacKeyOf(env().MADOGUCHI_SECRET)).update(`${purpose}:${data}`).digest("hex");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Uniform random numeric code, e.g. 6 digits for email confirmation. */
export function randomDigits(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += crypto.randomInt(0, 10).toString();
  return out;
}

export function timingSafeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
