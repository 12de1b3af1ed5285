import { currentStaff } from "@/lib/server/current-staff";
import { previewNotice, consoleNoticeKinds } from "@/lib/notices/send-notice";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { fileResponse } from "../file-response";

type Kind = (typeof consoleNoticeKinds)[number];

/** The PDF a notice would have, without sending or storing anything. Only the kind is in the URL. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await ctx.params;
    const kind = new URL(req.url).searchParams.get("kind") ?? "";
    if (!(consoleNoticeKinds as readonly string[]).includes(kind))
      throw new AppError("INVALID_INPUT", "kind", { kind: ["errors.invalidChoice"] });
    const n = await previewNotice({
      actor: await currentStaff(),
      input: { requestId: id, kind: kind as Kind, withPdf: true },
    });
    if (!n.pdf) throw new AppError("UNAVAILABLE", "no pdf");
    return await fileResponse(
      {
        content: n.pdf,
        mimeType: "application/pdf",
        originalName: `preview-${kind.toLowerCase()}.pdf`,
        sizeBytes: n.pdf.length,
      },
      { download: false },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
