import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/helpers/db";
import { renderPostalRequestForm } from "@/lib/requests/postal-form";
import { postalFormAnswers } from "@/lib/requests/postal-form-answers";

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `postal-form-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const flat = (s: string) => s.replace(/\s+/g, "");

describe("the prescribed postal request form", () => {
  beforeEach(resetDatabase);

  it("prints a blank Japanese form with extractable text: every type, the fee and the address", async () => {
    const pdf = await renderPostalRequestForm();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = flat(pdfText(pdf));
    for (const s of [
      "保有個人データ開示等請求書",
      "株式会社アズポケット御中",
      "□保有個人データの開示",
      "□訂正・追加・削除",
      "□利用停止・消去",
      "□第三者提供の停止",
      "□利用目的の通知",
      "アクセスログ",
      "5,500円（税込）",
      "定額小為替",
      "〒542-0081大阪府大阪市中央区南船場4-10-5702",
      "マイナンバー",
      "署名（自署）",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("pre-fills what the wizard has so far and shows only the chosen type", async () => {
    const answers = {
      type: "DISCLOSURE",
      requesterKind: "SELF",
      subject: {
        name: "山田 花子",
        nameKana: "やまだ はなこ",
        birthDate: "１９９０/４/１",
        postalCode: "1040061",
        prefecture: "東京都",
        city: "中央区",
        addressLine: "銀座1-2-3",
        email: "hanako@example.com",
      },
      details: {
        categories: ["1", 6, 99],
        deliveryMethod: "POST",
        includeProvisionRecords: "on",
        period: { from: "2024-01-01" },
      },
    };
    const text = flat(pdfText(await renderPostalRequestForm({ answers })));
    for (const s of [
      "ウェブで入力いただいた内容を印字しています",
      "■保有個人データの開示",
      "■本人",
      "ヤマダハナコ",
      "山田花子",
      "1990-04-01",
      "〒104-0061",
      "東京都中央区銀座1-2-3",
      "hanako@example.com",
      "■(1)当社サービスの利用者",
      "■(6)本サイト",
      "□(2)",
      "■書面（郵送）",
      "■第三者提供記録の開示も請求する",
      "2024-01-01から—まで",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("訂正・追加・削除（");
    expect(text).not.toContain("代理人（代理人が請求する場合のみ）");
    expect(text).toContain("4.請求の内容"); // numbered without the agent section
  });

  it("prints an agent's correction in English", async () => {
    const answers = {
      type: "CORRECTION",
      requesterKind: "APPOINTED_AGENT",
      agent: { name: "Ichiro Takahashi", email: "office@example.com" },
      details: { action: "CORRECT", items: [{ category: 1, current: "Old address", corrected: "New address" }] },
    };
    const text = pdfText(await renderPostalRequestForm({ answers, locale: "en" }));
    for (const s of [
      "Request form for disclosure",
      "■ Correction, addition or deletion",
      "Ichiro Takahashi",
      "Old address",
      "New address",
      "Power of attorney",
      "Personal Information Desk",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Disclosure fee");
  });

  it("prints an address abroad as written, with the country, in both languages (ADR 0014)", async () => {
    const answers = {
      type: "PURPOSE_NOTICE",
      requesterKind: "SELF",
      subject: {
        residence: "ABROAD",
        name: "Zoë Müller-Dvořák",
        country: "DE",
        address: "Königstraße 5\n70173 Stuttgart",
        phone: "+49 711 123456",
        postalCode: "104-0061",
      },
    };
    const en = pdfText(await renderPostalRequestForm({ answers, locale: "en" }));
    // é, ü, ß are in the font; ř is not and loses its accent rather than printing a blank box.
    for (const s of ["Zoë Müller-Dvorák", "Königstraße 5", "70173 Stuttgart", "Germany", "+49 711 123456", "JAPAN"])
      expect(en).toContain(s);
    expect(en).not.toContain("104-0061"); // a Japanese postal code typed before switching to abroad
    const ja = pdfText(await renderPostalRequestForm({ answers }));
    for (const s of ["ドイツ", "Königstraße 5", "JAPAN"]) expect(ja).toContain(s);
  });

  it("prints only valid choices from untrusted answers", () => {
    const a = postalFormAnswers({
      type: "HACK",
      requesterKind: 3,
      subject: { name: 42, relationship: "KING", nameKana: "x".repeat(500) },
      details: { categories: "1,2", purpose: "7", items: "no" },
    });
    expect(a.type).toBeUndefined();
    expect(a.requesterKind).toBeUndefined();
    expect(a.subject.name).toBeUndefined();
    expect(a.subject.relationship).toBeUndefined();
    expect(a.subject.nameKana?.length).toBe(100);
    expect(a.details).toMatchObject({ categories: [], purpose: 7, items: [] });
    expect(postalFormAnswers(null).details.categories).toEqual([]);
  });
});
