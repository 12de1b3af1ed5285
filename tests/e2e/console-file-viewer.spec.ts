import sharp from "sharp";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, uniqueEmail } from "./console-data";

// Requesters' files open in staff browsers: a PDF is drawn by the console's own pdf.js
// viewer (its scripts never run), and an image larger than the pixel budget arrives as a
// preview the server drew.

/** A one-page PDF whose /OpenAction is JavaScript that would alert and retitle the page. */
async function pdfWithScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText("Madoguchi viewer check: page text", {
    x: 72,
    y: 760,
    size: 18,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  const script = doc.context.obj({
    Type: "Action",
    S: "JavaScript",
    JS: PDFString.of('app.alert("pdf script ran"); this.title = "PWNED"; document.title = "PWNED";'),
  });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(script));
  // Without object streams the action stays readable in the file, as the check below expects.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test("[console] a PDF with JavaScript is drawn by the console's viewer: its text shows, its script never runs", async ({
  page,
}) => {
  const content = await pdfWithScript();
  expect(content.toString("latin1")).toContain("/S /JavaScript");
  const r = await createOnlineRequest(uniqueEmail("pdf-script"), {
    withDocument: true,
    document: { content, mimeType: "application/pdf", originalName: "scan.pdf" },
  });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInWithNewStaff(page, "STAFF", "担当 閲覧");
  await page.goto(`/console/requests/${r.id}`);
  const title = await page.title();
  const doc = page.getByTestId("document").first();
  await doc.getByRole("button", { name: /表示/ }).click();
  const viewer = doc.getByTestId("pdf-viewer");
  await expect(viewer).toHaveAttribute("data-state", "ready");
  await expect(viewer.getByTestId("pdf-page-text").first()).toContainText("Madoguchi viewer check: page text");
  await viewer.getByText(/1 ページ目の文字/).click();
  await expect(viewer.getByTestId("pdf-page-text").first()).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(await page.title()).toBe(title);

  // The same in a tab of its own; the route never hands the PDF to the browser's own viewer.
  const tab = await page.context().newPage();
  tab.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await tab.goto(`/console/view-pdf?src=${encodeURIComponent(`/console/requests/${r.id}/documents/${r.documentId}`)}`);
  await expect(tab.getByTestId("pdf-page-text").first()).toContainText("page text");
  const raw = await tab.request.get(`/console/requests/${r.id}/documents/${r.documentId}`);
  expect(raw.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(raw.headers()["content-security-policy"]).toContain("sandbox");
  expect(dialogs).toEqual([]);
  expect(await tab.title()).not.toContain("PWNED");
  // Only console file routes: another address is refused, nothing is fetched from it.
  await tab.goto(`/console/view-pdf?src=${encodeURIComponent("https://example.com/x.pdf")}`);
  await expect(tab.getByText("このアドレスでは請求のファイルを表示できません。")).toBeVisible();
  await tab.close();
});

test("[console] an image over the pixel budget is shown as a preview the server drew", async ({ page }) => {
  // 5,000 × 4,000 = 20 MP (over the 16 MP budget); one colour, so the upload is small.
  const big = await sharp({ create: { width: 5000, height: 4000, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
  const r = await createOnlineRequest(uniqueEmail("big-image"), {
    withDocument: true,
    document: { content: big, mimeType: "image/png", originalName: "photo.png" },
  });
  await signInWithNewStaff(page, "STAFF", "担当 画像");
  await page.goto(`/console/requests/${r.id}`);
  const doc = page.getByTestId("document").first();
  await doc.getByRole("button", { name: /表示/ }).click();
  const img = doc.getByTestId("document-image");
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2000);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalHeight)).toBe(1600);
  const res = await page.request.get(`/console/requests/${r.id}/documents/${r.documentId}`);
  expect(res.headers()["content-type"]).toBe("image/png");
  const meta = await sharp(await res.body()).metadata();
  expect([meta.width, meta.height]).toEqual([2000, 1600]);
  // The original stays whole for download.
  const original = await page.request.get(`/console/requests/${r.id}/documents/${r.documentId}?download=1`);
  expect((await original.body()).equals(big)).toBe(true);
});
