import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { isConsoleFilePath } from "@/lib/security/security-headers";
import { PageHeader } from "@/components/ui/alert";
import { PdfViewer } from "@/components/console/pdf-viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.request.documents"))("pdfViewerTitle") };
}

/**
 * A request's PDF (a notice, a preview) in a tab of its own, drawn by the console's viewer.
 * `src` is the path of the console file route (ids only); anything else is refused, so the
 * page never fetches from elsewhere.
 */
export default async function ViewPdfPage({ searchParams }: { searchParams: Promise<{ src?: string }> }) {
  await requireStaffPage("read:document");
  const t = await getTranslations("console.request.documents");
  const src = (await searchParams).src ?? "";
  const [pathname = "", query = ""] = src.split("?");
  const allowed =
    src.startsWith("/") && !src.startsWith("//") && isConsoleFilePath(pathname) && /^[A-Za-z0-9=&_-]*$/.test(query);
  return (
    <>
      <PageHeader title={t("pdfViewerTitle")} />
      {allowed ? (
        <PdfViewer src={src} name={pathname.split("/").at(-1) ?? ""} />
      ) : (
        <p role="alert">{t("pdfBadSource")}</p>
      )}
    </>
  );
}
