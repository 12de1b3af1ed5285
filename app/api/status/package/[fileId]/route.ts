import { downloadPackageFile } from "@/lib/requester/package-download";
import { requesterFile } from "../../file-response";

// A file of the published disclosure package: only within 15 minutes of a fresh code in
// this session and before the package expires; every download is recorded (lib).
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const { fileId } = await ctx.params;
  return requesterFile((session) => downloadPackageFile({ session, fileId: fileId.slice(0, 64) }));
}
