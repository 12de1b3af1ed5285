import { staffActor } from "@/lib/server/current-staff";
import { exportDatasetMap } from "@/lib/connected/save-map";
import { isAppError } from "@/lib/errors";
import { fileDownload } from "@/lib/file-download";

// The dataset map as a YAML download, so the company keeps it in its own repository.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const map = await exportDatasetMap({ actor: await staffActor(), input: { systemId: id } });
    if (!map) return new Response("Not found", { status: 404 });
    return fileDownload(map.yaml, {
      fileName: map.fileName,
      contentType: "application/yaml; charset=utf-8",
      cacheControl: "no-store, private",
      headers: { "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "UNAUTHENTICATED" || e.code === "FORBIDDEN"))
      return new Response("Forbidden", { status: 403 });
    if (isAppError(e)) return new Response("Not found", { status: 404 });
    throw e;
  }
}
