import { currentStaff } from "@/lib/server/current-staff";
import { exportRequestArchive } from "@/lib/operations/exports";
import { errorResponse } from "@/lib/http";
import { fileDownload } from "@/lib/file-download";

/** Everything about one request as a ZIP (JSON + decrypted files); admins, audited. */
export async function GET(_req: Request, ctx: { params: Promise<{ requestId: string }> }): Promise<Response> {
  try {
    const { requestId } = await ctx.params;
    const zip = await exportRequestArchive({ actor: await currentStaff(), input: { requestId } });
    return fileDownload(new Uint8Array(zip.content), { fileName: zip.fileName, contentType: "application/zip" });
  } catch (e) {
    return errorResponse(e);
  }
}
