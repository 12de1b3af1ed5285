import { currentStaff } from "@/lib/server/current-staff";
import { loadReceiptFile } from "@/lib/fees/receipt";
import { fileErrorResponse } from "@/lib/http-page";

// A receipt's PDF for staff (read:fee); every download is audited in lib/fees/receipt.ts.
export async function GET(req: Request, ctx: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  try {
    const { receiptId } = await ctx.params;
    const file = await loadReceiptFile({ actor: await currentStaff(), input: { receiptId } });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `attachment; filename="${encodeURIComponent(file.fileName)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return fileErrorResponse(req, e);
  }
}
