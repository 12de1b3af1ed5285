import type { Readable } from "node:stream";

/**
 * Where sealed file content lives: a folder on this machine (default) or an S3-compatible
 * bucket shared by several app servers. Backends only ever see ciphertext.
 */
export type StorageBackend = {
  /** Writes the object; it becomes visible only once complete (no half-written objects). */
  put(key: string, body: Readable): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing one is not an error. */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored key with its last-modified time, in pages (for the orphan sweep). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** A cheap round trip that fails when the store cannot be used (readiness). */
  check(): Promise<void>;
};
