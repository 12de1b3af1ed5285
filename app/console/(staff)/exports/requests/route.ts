import { currentStaff } from "@/lib/server/current-staff";
import { exportRequestListCsv } from "@/lib/operations/exports";
import { errorResponse } from "@/lib/http";
import { fileDownload } from "@/lib/file-download";

/** The request list as CSV (admins). Filters are enums and dates, never names. */
export async function GET(req: Request): Promise<Response> {
  try {
    const sp = new URL(req.url).searchParams;
    const list = (k: string) => (sp.getAll(k).filter(Boolean).length ? sp.getAll(k).filter(Boolean) : undefined);
    const csv = await exportRequestListCsv({
      actor: await currentStaff(),
      input: {
        from: sp.get("from") || undefined,
        to: sp.get("to") || undefined,
        type: list("type") as never,
        status: list("status") as never,
        channel: list("channel") as never,
        includePersonalData: sp.get("personal") === "1",
      },
    });
    return fileDownload(new Uint8Array(csv.content), {
      fileName: csv.fileName,
      contentType: "text/csv; charset=utf-8",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
