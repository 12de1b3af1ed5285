import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdf } from "@/lib/pdf/pdf-document";

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `madoguchi-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("PDF documents", () => {
  it("embeds a Japanese font subset whose text can be extracted", async () => {
    const pdf = await renderPdf({ title: "開示決定通知書", lang: "ja" }, [
      { kind: "title", text: "保有個人データ開示決定通知書" },
      { kind: "paragraph", text: "ご請求のあった保有個人データについて、次のとおり決定しましたので通知します。" },
      {
        kind: "fields",
        rows: [
          ["受付番号", "DSR-2026-000123"],
          ["手数料", "5,500円（うち消費税500円）"],
        ],
      },
    ]);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeLessThan(60_000);
    const text = pdfText(pdf);
    expect(text).toContain("保有個人データ開示決定通知書");
    expect(text).toContain("DSR-2026-000123");
    expect(text).toContain("5,500円");
  });

  it("flows long text onto further pages", async () => {
    const long = "個人情報の取扱いに関するお問い合わせ。".repeat(400);
    const pdf = await renderPdf({ title: "long", lang: "ja" }, [{ kind: "paragraph", text: long }]);
    const pages = pdfText(pdf)
      .split("\f")
      .filter((p) => p.trim()).length;
    expect(pages).toBeGreaterThan(1);
  });
});
