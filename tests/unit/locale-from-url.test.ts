import { describe, expect, it } from "vitest";
import { localeFromUrl } from "@/lib/i18n/locale-from-url";

const at = (path: string) => localeFromUrl(new URL(path, "http://localhost:3000"));

describe("language in the address", () => {
  it("/en and /en/… go to the same page without the prefix, in English", () => {
    expect(at("/en")).toMatchObject({ location: "/", locale: "en" });
    expect(at("/en/")).toMatchObject({ location: "/", locale: "en" });
    expect(at("/en/requests/new?type=DISCLOSURE")).toMatchObject({
      location: "/requests/new?type=DISCLOSURE",
      locale: "en",
    });
    expect(at("/ja/status")).toMatchObject({ location: "/status", locale: "ja" });
  });

  it("?lang=en|ja is taken out of the address and wins over a prefix", () => {
    expect(at("/policy?lang=en")).toMatchObject({ location: "/policy", locale: "en" });
    expect(at("/requests/new?type=SUSPENSION&lang=en")).toMatchObject({
      location: "/requests/new?type=SUSPENSION",
      locale: "en",
    });
    expect(at("/en/policy?lang=ja")).toMatchObject({ location: "/policy", locale: "ja" });
  });

  it("leaves other addresses alone", () => {
    expect(at("/")).toBeNull();
    expect(at("/english")).toBeNull();
    expect(at("/enquiry")).toBeNull();
    expect(at("/policy?lang=fr")).toBeNull();
    expect(at("/status?reference=en")).toBeNull();
  });
});
