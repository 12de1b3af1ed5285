import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, codeFrom, type Mailbox } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { LOCALE_COOKIE } from "@/i18n/config";

// Shared by the portal-*.spec.ts journeys: the person's language, texts from the message
// files (so one journey runs in Japanese and English), codes from the captured mail,
// screenshots with an overlap check, and axe.

export type Lang = "ja" | "en";
export const LANGS: Lang[] = ["ja", "en"];

const messages: Record<Lang, Record<string, unknown>> = Object.fromEntries(
  LANGS.map((l) => {
    const dir = path.resolve("messages", l);
    const all = Object.fromEntries(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as unknown]),
    );
    return [l, all];
  }),
) as Record<Lang, Record<string, unknown>>;

/** A message in the person's language, with {placeholders} filled; throws on a missing key. */
export function msg(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const value = key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      messages[lang],
    );
  if (typeof value !== "string") throw new Error(`no message ${lang}:${key}`);
  return value.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export async function useLanguage(context: BrowserContext, lang: Lang): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: lang, domain: "localhost", path: "/" }]);
}

/** A fresh address per journey: per-address limits and mail lookups never mix runs. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/**
 * Every request of the suite comes from one address, so per-client limits (codes, uploads,
 * submissions) would add up across journeys; each journey starts with its own count.
 */
export async function resetClientLimits(): Promise<void> {
  await prisma.rateLimit.deleteMany({
    where: { OR: [{ key: { contains: "-client:" } }, { key: { startsWith: "draft-upload:" } }] },
  });
}

/** The newest code mailed to `to` after `since` (the real SMTP capture). */
export async function codeSentTo(mailbox: Mailbox, to: string, since: number): Promise<string> {
  return codeFrom(await mailbox.waitFor({ to, since, subject: /確認コード|confirmation code/i }));
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Nothing may stick out sideways: the page never scrolls horizontally. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, "page wider than the viewport").toBeLessThanOrEqual(client);
}

/** Screenshots at phone and desktop width (test-results/screenshots/), each checked for overflow; ends at phone width. */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = path.resolve("test-results", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  for (const [label, size] of [
    ["desktop", DESKTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await expectNoHorizontalOverflow(page);
    // JPEG: these are for people to look at; PNG's compression took twice as long per full page.
    await page.screenshot({ path: path.join(dir, `${name}-${label}.jpg`), fullPage: true, type: "jpeg", quality: 85 });
  }
}

/**
 * axe with its default rules (WCAG A/AA and best practices), set up for speed; only its
 * violations are ever read. Measured on the two-core CI machine (2026-12-01), one call on a
 * small form took ~2 s by default and ~0.9 s like this: the default mode opens a blank page
 * per call to merge the frames' results (axe.finishRun), and details every passing node.
 * Legacy mode runs axe.run in the page itself and does not look inside frames (checked with a
 * srcdoc frame): the only frame in the app is the mail viewer's sandboxed one, excluded anyway.
 * A page that gains a frame needs its content checked on its own.
 */
export function quickAxe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
}

/** axe with its default rules (WCAG A/AA and best practices): no violations at all. */
export async function expectAccessible(page: Page, scope: { include?: string; exclude?: string } = {}): Promise<void> {
  // Next streams a dynamic page's metadata after its body: check the page once its title is in.
  await expect(page).toHaveTitle(/\S/);
  const axe = quickAxe(page);
  if (scope.include) axe.include(scope.include);
  if (scope.exclude) axe.exclude(scope.exclude);
  const result = await axe.analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/** Row counts that a refused input must leave unchanged. */
export async function requestRows(): Promise<{ requests: number; documents: number; uploads: number }> {
  const [requests, documents, uploads] = await Promise.all([
    prisma.request.count(),
    prisma.document.count(),
    prisma.storedFile.count({ where: { role: "IDENTITY_DOCUMENT" } }),
  ]);
  return { requests, documents, uploads };
}

export const FIXTURES = path.resolve("tests", "fixtures", "files");
export const fixture = (name: string) => path.join(FIXTURES, name);

/** The list of errors at the top of a form (Next's route announcer is an alert too). */
export function errorSummary(page: Page, lang: Lang, title = msg(lang, "common.errorSummaryTitle")) {
  return page.getByRole("alert", { name: title });
}
