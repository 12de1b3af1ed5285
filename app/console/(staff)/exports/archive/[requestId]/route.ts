import { currentStaff } from "@/lib/server/current-staff";
import { exportRequestArchive } from "@/lib/operations/exports";
import { errorResponse } from "@/lib/http";

/** Everything about one request as a ZIP (JSON + decrypted files); admins, audited. */
export async function GET(_req: Request, ctx: { params: Promise<{ requestId: string }> }): Promise<Response> {
  try {
    const { requestId } = await ctx.params;
    const zip = await exportRequestArchive({ actor: await currentStaff(), input: { requestId } });
    return new Response(new Uint8Array(zip.content), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${zip.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
