import { currentStaff } from "@/lib/server/current-staff";
import { exportFeesCsv } from "@/lib/fees/fee-dashboard";
import { errorResponse } from "@/lib/http";
import { parseDashboardParams } from "../fee-filters";
import { fileDownload } from "@/lib/file-download";

// The CSV of exactly what the list shows for the same filters (the link on the page
// carries them). UTF-8 with a BOM so Excel in Japan opens it; admins only (export:data).
export async function GET(req: Request): Promise<Response> {
  try {
    const sp = Object.fromEntries(new URL(req.url).searchParams);
    const { filter, monthError } = parseDashboardParams(sp);
    const staff = await currentStaff();
    // A month the page would refuse is refused here too, rather than exporting everything.
    const csv = await exportFeesCsv({
      actor: staff,
      input: monthError ? { ...filter, month: String(sp.month) } : filter,
      locale: staff?.locale,
    });
    return fileDownload(new Uint8Array(csv.content), {
      fileName: csv.fileName,
      contentType: "text/csv; charset=utf-8",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
