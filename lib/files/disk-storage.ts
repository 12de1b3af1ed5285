import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { StorageBackend } from "./storage-backend";

/** Files under one folder, fanned out by the key's first two characters to keep folders small. */
export function diskStorage(dir: string): StorageBackend {
  const root = path.resolve(dir);
  // Keys are base64url, so they are path-safe.
  const pathFor = (key: string) => path.join(root, key.slice(0, 2), key);
  return {
    async put(key, body: Readable) {
      const target = pathFor(key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed: a crash leaves no half file under the key.
      const temp = `${target}.${crypto.randomBytes(6).toString("hex")}.part`;
      try {
        await pipeline(body, fs.createWriteStream(temp, { mode: 0o600 }));
        await fsp.rename(temp, target);
      } catch (e) {
        await fsp.rm(temp, { force: true });
        throw e;
      }
    },
    async get(key) {
      const handle = await fsp.open(pathFor(key), "r");
      return handle.createReadStream();
    },
    async remove(key) {
      await fsp.rm(pathFor(key), { force: true });
    },
    async exists(key) {
      return fsp.stat(pathFor(key)).then(
        () => true,
        () => false,
      );
    },
    async *list() {
      const fans = await fsp.readdir(root).catch(() => [] as string[]);
      for (const fan of fans) {
        const names = await fsp.readdir(path.join(root, fan)).catch(() => [] as string[]);
        for (const name of names) {
          const st = await fsp.stat(path.join(root, fan, name)).catch(() => null);
          // A leftover .part file from a crash is an orphan like any other.
          if (st?.isFile()) yield { key: name, modifiedAt: st.mtime };
        }
      }
    },
    async check() {
      await fsp.mkdir(root, { recursive: true });
      await fsp.access(root, fs.constants.W_OK);
    },
  };
}
