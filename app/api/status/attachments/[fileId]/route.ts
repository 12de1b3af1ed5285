import { downloadMessageAttachment } from "@/lib/requester/package-download";
import { requesterFile } from "../../file-response";

// An attachment in the requester's visible message thread (never an internal note's).
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const { fileId } = await ctx.params;
  return requesterFile((session) => downloadMessageAttachment({ session, fileId: fileId.slice(0, 64) }));
}
