import { cookies } from "next/headers";
import { AppError, isAppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { env } from "@/lib/server/env";
import { clientKeyFrom } from "@/lib/server/client-key";
import { isSameOrigin } from "@/lib/server/same-origin";
import { DRAFT_COOKIE } from "@/lib/uploads/draft-uploads";
import { MAX_FILE_BYTES } from "@/lib/uploads/upload-limits";
import { bodyTooLarge, readBodyCapped } from "@/lib/server/read-body";
import { addWizardUpload } from "@/lib/uploads/wizard-upload";

// The wizard's documents step uploads here: with JavaScript by XMLHttpRequest (for the
// progress bar; answered with JSON), without it as a plain multipart form (answered with
// a redirect back to the step, the outcome as a message key in the query — never a name).
export const runtime = "nodejs";

/** Room for the multipart envelope and the other fields around one file. */
const ENVELOPE_BYTES = 64 * 1024;

/** Reads the body up to the limit; a larger one is refused without reading the rest (413). */
function limitedBody(req: Request): Promise<Buffer> {
  return readBodyCapped(req, MAX_FILE_BYTES + ENVELOPE_BYTES, () => bodyTooLarge({ file: ["errors.fileTooLarge"] }));
}

export async function POST(req: Request): Promise<Response> {
  const wantsJson = req.headers.get("accept")?.includes("application/json") ?? false;
  // A relative Location: the browser comes back to the address it used, whatever the port.
  const back = (query: string) =>
    new Response(null, { status: 303, headers: { location: `/requests/new/documents?${query}` } });
  try {
    // Only our own documents step may add files to a draft. A refusal says why: the page
    // was opened at another address than the one it posts to (a proxy or a copied page).
    if (!isSameOrigin(req.headers, env().APP_URL))
      throw new AppError("FORBIDDEN", "upload from another origin", { _form: ["errors.otherAddress"] });
    const draftKey = (await cookies()).get(DRAFT_COOKIE)?.value;
    if (!draftKey) throw new AppError("INVALID_STATE", "no draft cookie", { _form: ["errors.fileMissing"] });
    const body = await limitedBody(req);
    const form = await new Response(new Uint8Array(body), {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    })
      .formData()
      .catch(() => {
        throw new AppError("INVALID_INPUT", "malformed upload", { file: ["errors.fileDamaged"] });
      });
    const file = form.get("file");
    const candidate =
      file instanceof File && (file.size > 0 || file.name)
        ? { bytes: Buffer.from(await file.arrayBuffer()), name: file.name }
        : null;
    const { upload } = await addWizardUpload({
      draftKey,
      input: { kind: form.get("kind") ?? undefined, issuedOn: form.get("issuedOn") ?? undefined },
      file: candidate,
      clientKey: clientKeyFrom(req.headers),
    });
    if (wantsJson)
      return Response.json(
        { file: { id: upload.id, name: upload.originalName, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes } },
        { status: 201, headers: { "cache-control": "no-store" } },
      );
    return back("uploaded=1");
  } catch (e) {
    if (wantsJson || !isAppError(e)) return errorResponse(e);
    const [field, keys] = Object.entries(e.fieldErrors ?? {})[0] ?? ["_form", [`codes.${e.code}`]];
    return back(new URLSearchParams({ uploadError: keys[0] ?? "", field }).toString());
  }
}
