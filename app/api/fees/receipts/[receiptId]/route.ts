import { cookies } from "next/headers";
import { loadReceiptFile } from "@/lib/fees/receipt";
import { REQUESTER_SESSION_COOKIE, requesterActor, resolveRequesterSession } from "@/lib/requester/requester-session";
import { errorResponse } from "@/lib/http";
import { fileDownload } from "@/lib/file-download";

// The requester's receipt PDF (status page → fee panel). Only a receipt of the request
// the session is bound to is served; any other id is "not found" (lib/fees/receipt.ts).
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  try {
    const { receiptId } = await ctx.params;
    const session = await resolveRequesterSession((await cookies()).get(REQUESTER_SESSION_COOKIE)?.value);
    const file = await loadReceiptFile({ actor: requesterActor(session), input: { receiptId } });
    return fileDownload(new Uint8Array(file.content), {
      fileName: file.fileName,
      contentType: file.mimeType,
      cacheControl: "private, no-store",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
