import { currentStaff } from "@/lib/server/current-staff";
import { loadReceiptFile } from "@/lib/fees/receipt";
import { fileErrorResponse } from "@/lib/http-page";
import { fileDownload } from "@/lib/file-download";

// A receipt's PDF for staff (read:fee); every download is audited in lib/fees/receipt.ts.
export async function GET(req: Request, ctx: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  try {
    const { receiptId } = await ctx.params;
    const file = await loadReceiptFile({ actor: await currentStaff(), input: { receiptId } });
    return fileDownload(new Uint8Array(file.content), {
      fileName: file.fileName,
      contentType: file.mimeType,
      cacheControl: "private, no-store",
    });
  } catch (e) {
    return fileErrorResponse(req, e);
  }
}
