import { currentStaff } from "@/lib/server/current-staff";
import { viewDocument } from "@/lib/console/view-document";
import { fileErrorResponse } from "@/lib/http-page";
import { fileResponse, fileViewOf } from "../../file-response";

/** An identity document or scan for the console viewer; each view is audited (viewDocument). */
export async function GET(
  req: Request,
  ctx: { params: Promise<{ id: string; documentId: string }> },
): Promise<Response> {
  try {
    const { id, documentId } = await ctx.params;
    const file = await viewDocument({ actor: await currentStaff(), input: { requestId: id, documentId } });
    return await fileResponse(file, fileViewOf(req));
  } catch (e) {
    return fileErrorResponse(req, e);
  }
}
