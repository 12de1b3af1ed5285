// Debian's Chromium, as every browser test here starts it: Playwright cannot download its own
// browsers on this network, and without the background-networking flags Chromium keeps trying
// to reach Google's hosts.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
