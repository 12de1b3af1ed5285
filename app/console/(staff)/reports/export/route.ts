import { getLocale } from "next-intl/server";
import { currentStaff } from "@/lib/server/current-staff";
import { requestReport } from "@/lib/reports/request-report";
import { reportCsv } from "@/lib/reports/report-csv";
import { errorResponse } from "@/lib/http";
import { fileDownload } from "@/lib/file-download";

export async function GET(req: Request): Promise<Response> {
  try {
    const url = new URL(req.url);
    const report = await requestReport({
      actor: await currentStaff(),
      range: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
    });
    return fileDownload(new Uint8Array(reportCsv(report, (await getLocale()) === "en" ? "en" : "ja")), {
      fileName: `report-${report.range.from}-${report.range.to}.csv`,
      contentType: "text/csv; charset=utf-8",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
