// Local helper (not committed): sign in to the dev server and screenshot pages.
import { chromium } from "@playwright/test";
import { authenticator } from "otplib";
import fs from "node:fs";

const base = process.env.APP_URL ?? "http://localhost:3321";
async function main() {
  const { prisma } = await import("@/lib/server/db");
  const { hashPassword } = await import("@/lib/server/password");
  const { sealString } = await import("@/lib/server/crypto");
  const role = (process.env.ROLE ?? "ADMIN") as "ADMIN";
  const credFile = `/tmp/shots/cred-${role}.json`;
  let cred: { email: string; secret: string };
  if (fs.existsSync(credFile)) cred = JSON.parse(fs.readFileSync(credFile, "utf8"));
  else {
    const secret = authenticator.generateSecret(20);
    const email = `dev-${role.toLowerCase()}-${Date.now()}@madoguchi.example`;
    await prisma.staffUser.create({ data: { email, name: `開発 ${role}`, role, passwordHash: await hashPassword("madoguchi-demo-2026"), totpSecret: sealString(secret), totpEnrolledAt: new Date() } });
    cred = { email, secret };
    fs.writeFileSync(credFile, JSON.stringify(cred));
  }
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const width = Number(process.env.WIDTH ?? 1280);
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "ja-JP" });
  page.on("console", (m) => { if (m.type() === "error") console.log("console error:", (process.env.FULL ? m.text().slice(0, 3000) : m.text().split("\n")[0].slice(0, 200))); });
  await page.goto(`${base}/console/sign-in`);
  await page.locator("#email").fill(cred.email);
  await page.locator("#password").fill("madoguchi-demo-2026");
  await page.locator("main form button[type=submit]").click();
  await page.locator("#code").waitFor();
  await page.locator("#code").fill(authenticator.generate(cred.secret));
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((u) => u.pathname === "/console", { timeout: 60000 });
  for (const [i, path] of (process.env.PATHS ?? "/console").split(",").entries()) {
    await page.goto(`${base}${path}`, { timeout: 120000 });
    if (process.env.ACTIONS) await (new Function("page", `return (async () => { ${process.env.ACTIONS} })()`))(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 0; y < height && n < 12; y += 1400, n++) await page.screenshot({ path: `/tmp/shots/shot-${i}-${n}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
    if (process.env.TEXT) console.log((await page.locator("main").innerText()).slice(0, 3000));
  }
  await browser.close();
  await prisma.$disconnect();
}
main().catch((e) => { console.error(e); process.exit(1); });
