import { cookies } from "next/headers";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { DRAFT_COOKIE } from "@/lib/uploads/draft-uploads";
import { readWizardUpload } from "@/lib/uploads/wizard-upload";
import { fileDownload } from "@/lib/file-download";

// The preview of a photo the person uploaded in this wizard run (their draft cookie only);
// anyone else's file, a submitted one, or anything but a JPEG or PNG is not found.
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }): Promise<Response> {
  try {
    const { fileId } = await ctx.params;
    const draftKey = (await cookies()).get(DRAFT_COOKIE)?.value;
    if (!draftKey) throw new AppError("NOT_FOUND", "no draft");
    const file = await readWizardUpload({ draftKey, fileId: fileId.slice(0, 64) });
    if (file.mimeType !== "image/jpeg" && file.mimeType !== "image/png")
      throw new AppError("NOT_FOUND", "no preview for this type");
    return fileDownload(new Uint8Array(file.content), {
      fileName: file.fileName,
      contentType: file.mimeType,
      disposition: "inline",
      cacheControl: "private, no-store",
      headers: { "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
