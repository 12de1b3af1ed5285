import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, requestRow, uniqueEmail } from "./console-data";
import { createDisclosureRequest } from "./fee-data";
import { prisma } from "@/lib/server/db";

// Issue 18.1: a form's fields reach the domain schema as posted (lib/form-input.ts). A
// forged value — one no control on the page offers — is refused with the field's error in
// the staff member's language, and nothing changes; it is never read as a valid default.

const invalid = { ja: "入力内容が正しくありません。", en: "This value is not valid." } as const;

async function useLocale(page: Page, locale: "ja" | "en"): Promise<void> {
  await page.context().addCookies([{ name: "madoguchi_locale", value: locale, domain: "localhost", path: "/" }]);
}

for (const locale of ["ja", "en"] as const) {
  test(`[console] a forged identity-check holder is refused, not read as SUBJECT (${locale})`, async ({ page }) => {
    const r = await createOnlineRequest(uniqueEmail(`forged-holder-${locale}`), { withDocument: true });
    await signInWithNewStaff(page, "STAFF");
    await useLocale(page, locale);
    await page.goto(`/console/requests/${r.id}`);
    const form = page.getByTestId("identity-form");
    await page.locator("#identity-result-VERIFIED").check();
    await page.locator("#identity-matchedRecord").fill("C-10023");
    // What a hand-made post would carry: a holder this request (no agent) never offers.
    await form.evaluate((el) => {
      const forged = document.createElement("input");
      forged.type = "hidden";
      forged.name = "holder";
      forged.value = "OWNER";
      el.appendChild(forged);
    });
    await form.locator('button[type="submit"]').first().click();
    await expect(form.getByRole("alert")).toContainText(invalid[locale]);
    const row = await requestRow(r.id);
    expect(row.identity).toBe("PENDING");
    expect(await prisma.identityCheck.count({ where: { requestId: r.id } })).toBe(0);
  });

  test(`[fees] a forged payment method is refused with the field's error (${locale})`, async ({ page }) => {
    const r = await createDisclosureRequest(null);
    await signInWithNewStaff(page, "ADMIN");
    await useLocale(page, locale);
    await page.goto(`/console/fees/${r.id}`);
    const method = page.locator("#record-method");
    await method.evaluate((el) => {
      const option = el.querySelector('option[value="CASH"]');
      if (option instanceof HTMLOptionElement) option.value = "BITCOIN";
    });
    await method.selectOption("BITCOIN");
    await page.locator("#record-payerName").fill("サトウケン");
    await page.locator('form:has(#record-method) button[type="submit"]').first().click();
    await expect(page.locator("#record-method-error")).toHaveText(invalid[locale]);
    await expect(method).toHaveAttribute("aria-invalid", "true");
    expect(await prisma.payment.count({ where: { requestId: r.id } })).toBe(0);
  });
}
