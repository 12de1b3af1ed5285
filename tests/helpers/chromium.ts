import fs from "node:fs";

// Debian's Chromium, as every browser test here starts it: Playwright cannot download its own
// browsers on this network, and without the background-networking flags Chromium keeps trying
// to reach Google's hosts.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The browser the tests drive: Chromium's headless shell (Debian's `chromium-headless-shell`,
 * the same engine without the desktop browser's services) when it is installed, as Playwright
 * itself runs headless tests. Each new browser context costs ~1.5 s less in the full browser's
 * headless mode, and three specs took 171-176 s instead of 230-238 s (ADR 0026). The bench's
 * Lighthouse keeps the full browser (CHROMIUM_PATH), whose scores it compares.
 */
export const TEST_BROWSER_PATH =
  process.env.CHROMIUM_PATH ||
  (fs.existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
