import { describe, expect, it } from "vitest";
import { contentDisposition, fileDownload } from "@/lib/file-download";

// RFC 6266 §4.3 / RFC 5987: an ASCII fallback and the real name percent-encoded as UTF-8.
describe("file downloads", () => {
  it("names a Japanese file in filename* and gives old clients an ASCII fallback", () => {
    expect(contentDisposition("attachment", "領収書 R-1.pdf")).toBe(
      `attachment; filename="___ R-1.pdf"; filename*=UTF-8''%E9%A0%98%E5%8F%8E%E6%9B%B8%20R-1.pdf`,
    );
  });

  it("keeps quotes, backslashes and RFC 5987's excluded characters out of both parameters", () => {
    const header = contentDisposition("inline", `a"b\\c'(1)*.csv`);
    expect(header).toBe(`inline; filename="a_b_c'(1)*.csv"; filename*=UTF-8''a%22b%5Cc%27%281%29%2A.csv`);
  });

  it("answers with the type, the disposition, no-store by default and the length of a buffer", async () => {
    const res = fileDownload(new Uint8Array([1, 2, 3]), { fileName: "x.zip", contentType: "application/zip" });
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="x.zip"/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-length")).toBe("3");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});
