import { currentStaff } from "@/lib/server/current-staff";
import { viewRequestFile } from "@/lib/console/view-document";
import { fileErrorResponse } from "@/lib/http-page";
import { fileResponse, fileViewOf } from "../../file-response";

/** Any other file kept with the request (attachments, package files, notice PDFs); audited. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  try {
    const { id, fileId } = await ctx.params;
    const file = await viewRequestFile({ actor: await currentStaff(), input: { requestId: id, fileId } });
    return await fileResponse(file, fileViewOf(req));
  } catch (e) {
    return fileErrorResponse(req, e);
  }
}
