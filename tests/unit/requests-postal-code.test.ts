import { describe, expect, it } from "vitest";
import { lookupPostalCode } from "@/lib/postal/lookup-postal-code";

describe("postal code lookup", () => {
  it("fills prefecture, city and town from the bundled table", () => {
    expect(lookupPostalCode("1040061")).toEqual({
      postalCode: "104-0061",
      prefecture: "東京都",
      city: "中央区",
      town: "銀座",
    });
  });

  it("accepts full-width digits and dashes", () => {
    expect(lookupPostalCode("１０４－００６１")).toMatchObject({ prefecture: "東京都", city: "中央区" });
    expect(lookupPostalCode("〒542-0081")).toMatchObject({ prefecture: "大阪府", city: "大阪市中央区" });
  });

  it("returns null for unknown or malformed codes", () => {
    expect(lookupPostalCode("0000000")).toBeNull();
    expect(lookupPostalCode("104-006")).toBeNull();
    expect(lookupPostalCode("")).toBeNull();
  });
});
