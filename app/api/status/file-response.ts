import { Readable } from "node:stream";
import { cookies } from "next/headers";
import { isAppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import {
  REQUESTER_SESSION_COOKIE,
  resolveRequesterSession,
  type RequesterSession,
} from "@/lib/requester/requester-session";
import type { DownloadedFile } from "@/lib/requester/package-download";
import { fileDownload } from "@/lib/file-download";

// Downloads from the status page: the requester session from the cookie, one file of the
// request it is bound to (anything else is 404), never cached. A person who must sign in
// again or enter a fresh code is sent back to the status page with a message key.

const RETRY: Record<string, string> = {
  UNAUTHENTICATED: "",
  FORBIDDEN: "?download=verify",
  INVALID_STATE: "?download=expired",
};

export async function requesterFile(load: (session: RequesterSession) => Promise<DownloadedFile>): Promise<Response> {
  try {
    const session = await resolveRequesterSession((await cookies()).get(REQUESTER_SESSION_COOKIE)?.value);
    const file = await load(session);
    // A stream goes out as it is decrypted, so a large package never sits whole in memory.
    const body =
      file.content instanceof Readable
        ? (Readable.toWeb(file.content) as ReadableStream<Uint8Array>)
        : new Uint8Array(file.content);
    return fileDownload(body, {
      fileName: file.fileName,
      contentType: file.mimeType,
      sizeBytes: file.sizeBytes,
      cacheControl: "private, no-store",
      headers: { "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    if (isAppError(e) && e.code in RETRY)
      return new Response(null, { status: 303, headers: { location: `/status${RETRY[e.code]}` } });
    return errorResponse(e);
  }
}
