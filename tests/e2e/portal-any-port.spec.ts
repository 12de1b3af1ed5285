import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { test, expect } from "./fixtures";
import { E2E_PORT } from "./e2e-env";
import {
  DESKTOP,
  LANGS,
  PHONE,
  errorSummary,
  expectAccessible,
  fixture,
  msg,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
} from "./portal-helpers";
import {
  chooseRequester,
  chooseType,
  fillSubject,
  hanako,
  next,
  reviewAndSubmit,
  stepUrl,
  upload,
} from "./portal-steps";

// [portal] `PORT=… npm start` with no APP_URL: a second app server on the suite's build
// and database, on a port of its own, with APP_URL removed from its environment. Uploads
// (with and without JavaScript) are accepted, a post that reaches the server under
// another address is refused with a reason, and the mail's status link and every
// redirect use the port actually served.

const PORT = E2E_PORT + 4;
const BASE = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;
let log = "";

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT) };
  delete env.APP_URL;
  delete env.NEXTAUTH_URL;
  server = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  server.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the second server exited:\n${log}`);
    if (
      (await fetch(`${BASE}/`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      break;
    if (i > 300) throw new Error(`the second server did not answer:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

test.beforeEach(async () => {
  await resetClientLimits();
});

for (const lang of LANGS) {
  test(`[portal] ${lang}: on another port without APP_URL, uploads work with and without JavaScript, a refused one says why, and the mail's status link opens the status page`, async ({
    browser,
    mailbox,
  }) => {
    // A whole journey plus two more browser contexts: more than one default timeout.
    test.setTimeout(4 * 60_000);
    const context = await browser.newContext({
      baseURL: BASE,
      viewport: PHONE,
      locale: lang === "ja" ? "ja-JP" : "en-US",
      timezoneId: "Asia/Tokyo",
    });
    await useLanguage(context, lang);
    const page = await context.newPage();
    const email = uniqueEmail(`any-port-${lang}`);
    await chooseType(page, lang, "DISCLOSURE");
    await chooseRequester(page, lang, "SELF");
    await fillSubject(page, lang, hanako(email));
    await page.locator("#f-categories-1").check();
    await page.locator("#f-deliveryMethod-ELECTRONIC").check();
    await next(page, lang);
    await expect(page).toHaveURL(`${BASE}/requests/new/documents`);

    // With JavaScript: accepted (it was refused with 403 and "try again later").
    await upload(page, lang, "DRIVERS_LICENSE", "drivers-license.jpg");

    // The page opened at another address than the server it posts to (a saved or proxied
    // copy): refused, and the person is told why instead of "try again later".
    // The browser's post goes out with that other Origin; the server's real answer comes back.
    await page.route("**/api/requests/uploads", async (route) => {
      const response = await route.fetch({
        headers: { ...route.request().headers(), origin: "http://elsewhere.example" },
      });
      expect(response.status()).toBe(403);
      await route.fulfill({ response });
    });
    // With JavaScript the file goes as soon as it is chosen (no upload button pressed).
    await page.locator("#f-upload-kind").selectOption("PASSPORT");
    await page.locator("#f-upload-file").setInputFiles(fixture("passport.png"));
    const refused = errorSummary(page, lang, msg(lang, "portal.wizard.documents.uploadFailed"));
    await expect(refused).toContainText(msg(lang, "requests.errors.otherAddress"));
    await expect(refused).not.toContainText(msg(lang, "errors.codes.UNAVAILABLE"));
    await shoot(page, `any-port-other-address-${lang}`);
    await page.setViewportSize(DESKTOP);
    await expectAccessible(page);
    await page.setViewportSize(PHONE);
    await page.unroute("**/api/requests/uploads");
    await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(1);

    // Without JavaScript: the plain form's redirect comes back to this port.
    const plainContext = await browser.newContext({
      baseURL: BASE,
      javaScriptEnabled: false,
      viewport: PHONE,
      storageState: await context.storageState(),
    });
    const plain = await plainContext.newPage();
    await plain.goto("/requests/new/documents");
    await plain.locator("#f-upload-kind").selectOption("PASSPORT");
    await plain.locator("#f-upload-file").setInputFiles(fixture("passport.png"));
    await plain.getByRole("button", { name: msg(lang, "portal.wizard.documents.upload"), exact: true }).click();
    await expect(plain).toHaveURL(`${BASE}/requests/new/documents?uploaded=1`);
    await expect(plain.getByText(msg(lang, "portal.wizard.documents.uploadedNoJs"))).toBeVisible();
    await plainContext.close();

    await page.reload();
    await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(2);
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("review"));
    const reference = await reviewAndSubmit(page, lang, mailbox, email, null, true);
    await context.close();

    // The acknowledgement's status link points at the port served, and opens the status page.
    const ack = await mailbox.waitFor({ to: email, subject: new RegExp(reference) });
    const link = /https?:\/\/\S+\/status\/t\/[A-Za-z0-9_-]+/.exec(ack.text)?.[0] ?? "";
    // An English mail links under /en/, which opens the page in English on any device.
    expect(link.startsWith(`${BASE}${lang === "en" ? "/en" : ""}/status/t/`), link).toBe(true);
    const fresh = await browser.newContext({ viewport: DESKTOP });
    await useLanguage(fresh, lang);
    const status = await fresh.newPage();
    await status.goto(link);
    await expect(status).toHaveURL(`${BASE}/status`);
    await expect(status.getByTestId("status-reference")).toHaveText(reference);
    await fresh.close();
  });
}
