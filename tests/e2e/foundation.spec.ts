import { test, expect } from "./fixtures";

test("[foundation] portal serves in Japanese by default with English one click away", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: /English/ }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /日本語/ }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("[foundation] security headers are set on every page", async ({ request }) => {
  const res = await request.get("/");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-powered-by"]).toBeUndefined();
});
