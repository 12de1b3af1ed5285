import { downloadNoticeFile } from "@/lib/requester/package-download";
import { requesterFile } from "../../file-response";

// A notice of the requester's own request, as the PDF that was kept when it was sent.
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ noticeId: string }> }): Promise<Response> {
  const { noticeId } = await ctx.params;
  return requesterFile((session) => downloadNoticeFile({ session, noticeId: noticeId.slice(0, 64) }));
}
