import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, TEST_BROWSER_PATH } from "@/tests/helpers/chromium";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { startS3Server, type S3Server } from "@/tests/helpers/s3-server";
import { haveE2eBuild, startAppServer, startWorkerProcess, type Proc } from "@/tests/helpers/app-servers";
import { seedBase } from "@/lib/seed/seed";
import { emailHashOf } from "@/lib/codes/one-time-code";
import { hmacHex } from "@/lib/server/crypto";
import { parseEnv } from "@/lib/server/env";
import { backendFromEnv, setStorageBackend } from "@/lib/files/storage";
import { staffSessionToken } from "@/tests/helpers/staff-session-cookie";
import { DRAFT_COOKIE, newDraftKey } from "@/lib/uploads/draft-uploads";
import { updateWizardDraft } from "@/lib/requests/wizard-draft";
import { createRequesterSession, REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";

// Two production app servers (A, B) and a worker on one PostgreSQL and one S3 server
// (s3rver), as docs/deploy.md lays them out; B also runs its inline worker, so two workers
// compete for every job. Needs PostgreSQL (PGlite is one process) and the e2e build.
const PORT_A = Number(process.env.SCALE_PORT_A || 3960);
const PORT_B = PORT_A + 1;
const canRun = Boolean(process.env.TEST_DATABASE_URL) && haveE2eBuild();
// `npm test` runs this file once more after the e2e build exists, and then it must not skip.
const required = process.env.MADOGUCHI_REQUIRE_SEVERAL_SERVERS === "1";
const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;
// The browser uses the host name the server was started with (APP_URL), as staff would.
const B_BROWSER = `http://localhost:${PORT_B}`;

let s3: S3Server;
let serverA: Proc;
let serverB: Proc;
let worker: Proc;

const CODE = "123456";
async function codeFor(email: string): Promise<void> {
  const emailHash = emailHashOf(email);
  await prisma.oneTimeCode.create({
    data: {
      purpose: "EMAIL_CONFIRMATION",
      emailHash,
      codeHash: hmacHex(`EMAIL_CONFIRMATION:${emailHash}::${CODE}`, "one-time-code"),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

type DocumentRef = { fileId: string; kind: string; holder: string };

function submission(email: string, idempotencyKey: string, emailCode = CODE, files: DocumentRef[] = []): string {
  return JSON.stringify({
    locale: "ja",
    emailCode,
    idempotencyKey,
    input: {
      type: "DISCLOSURE",
      requesterKind: "SELF",
      subject: {
        name: "試験 花子",
        nameKana: "シケン ハナコ",
        birthDate: "1990-04-01",
        postalCode: "104-0061",
        prefecture: "東京都",
        city: "中央区",
        addressLine: "銀座1-2-3",
        email,
        phone: "03-1234-5678",
        relationship: "SERVICE_USER",
      },
      details: {
        categories: [1, 2],
        period: { from: "2024-01-01" },
        deliveryMethod: "ELECTRONIC",
        includeProvisionRecords: false,
      },
      documents: files.length ? { sendByPost: false, files } : { sendByPost: true, files: [] },
      declarationAccepted: true,
    },
  });
}

type Outcome = { status: number; reference?: string } | { failed: string };

/** One client: its own address behind the proxy, so the per-client limit does not mix tests. */
async function submit(
  base: string,
  email: string,
  key: string,
  emailCode = CODE,
  draft?: { cookie: string; files: DocumentRef[] },
): Promise<Outcome> {
  try {
    const res = await fetch(`${base}/api/requests`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `10.0.${crypto.randomInt(255)}.${crypto.randomInt(255)}`,
        connection: "close",
        ...(draft ? { cookie: `${DRAFT_COOKIE}=${draft.cookie}` } : {}),
      },
      body: submission(email, key, emailCode, draft?.files),
    });
    // A server killed after sending the status but before the body: the client has no answer
    // and retries, like any other lost response.
    const body = (await res.json().catch(() => null)) as { reference?: string } | null;
    if (body === null) return { failed: "response body lost" };
    return { status: res.status, reference: body.reference };
  } catch (e) {
    return { failed: e instanceof Error ? e.message : "error" };
  }
}

const newKey = () => `k-${crypto.randomBytes(12).toString("hex")}`;

async function waitFor<T>(what: string, f: () => Promise<T | null | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function download(base: string, path: string, cookie: string): Promise<Buffer> {
  const res = await fetch(`${base}${path}`, {
    headers: { cookie: `${REQUESTER_SESSION_COOKIE}=${cookie}` },
    redirect: "manual",
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The documents step's upload, as the browser sends it without JavaScript's progress bar. */
async function uploadDocument(base: string, draftKey: string, kind: string, file: string): Promise<string> {
  const form = new FormData();
  form.set("kind", kind);
  form.set(
    "file",
    new File([fs.readFileSync(path.join("tests", "fixtures", "files", file))], file, { type: "image/png" }),
  );
  const res = await fetch(`${base}/api/requests/uploads`, {
    method: "POST",
    body: form,
    headers: {
      origin: base.replace("127.0.0.1", "localhost"),
      accept: "application/json",
      cookie: `${DRAFT_COOKIE}=${draftKey}`,
    },
  });
  const body = (await res.json()) as { file?: { id: string } };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.file?.id ?? "";
}

/** A console session cookie for a staff member, signed as next-auth signs it (the sign-in itself is tested elsewhere). */
async function staffCookie(role: "STAFF" | "ADMIN"): Promise<string> {
  const staff = await prisma.staffUser.create({
    data: {
      email: `multi-${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@madoguchi.example`,
      name: `Multi ${role}`,
      role,
      passwordHash: "x",
      totpEnrolledAt: new Date(),
    },
  });
  return `next-auth.session-token=${await staffSessionToken(staff)}`;
}

it.runIf(required && !canRun)("has what it needs: TEST_DATABASE_URL and the e2e build (.next-e2e)", () => {
  expect({ database: Boolean(process.env.TEST_DATABASE_URL), build: haveE2eBuild() }).toEqual({
    database: true,
    build: true,
  });
});

describe.skipIf(!canRun)("several app servers and a worker on one database and one bucket", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedBase(prisma);
    s3 = await startS3Server();
    // This process writes to the same bucket, like a third server would.
    setStorageBackend(backendFromEnv(parseEnv({ ...process.env, ...s3.env })));
    [serverA, serverB] = await Promise.all([
      startAppServer(PORT_A, { ...s3.env, WORKER: "off" }),
      startAppServer(PORT_B, { ...s3.env, WORKER: "inline" }),
    ]);
    worker = startWorkerProcess({ ...s3.env });
  }, 240_000);

  afterAll(async () => {
    for (const p of [serverA, serverB, worker]) p?.child.kill("SIGKILL");
    setStorageBackend(null);
    await s3?.close();
  });

  it("a request filed on A gets its notice PDF from a worker and is read on B", async () => {
    const email = "multi-a@example.com";
    await codeFor(email);
    const filed = await submit(A, email, newKey());
    expect(filed).toMatchObject({ status: 201 });
    const request = await prisma.request.findUniqueOrThrow({
      where: { reference: (filed as { reference: string }).reference },
    });
    const notice = await waitFor("the acknowledgement PDF", () =>
      prisma.notice.findFirst({ where: { requestId: request.id, fileId: { not: null } } }),
    );
    const { sessionToken } = await prisma.$transaction((tx) => createRequesterSession(tx, request.id, new Date()));
    const pdf = await download(B, `/api/status/notices/${notice.id}`, sessionToken);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);

  it("a package built and published by staff on B, in Chromium, downloads whole on A", async () => {
    const email = "multi-package@example.com";
    await codeFor(email);
    const filed = await submit(A, email, newKey());
    expect(filed).toMatchObject({ status: 201 });
    const reference = (filed as { reference: string }).reference;
    // Identity, fee and decision are recorded elsewhere in the console (tests/e2e/console-disclosure.spec.ts);
    // here the request is ready for its package.
    const request = await prisma.request.update({
      where: { reference },
      data: {
        identity: "VERIFIED",
        fee: "NOT_REQUIRED",
        status: "DECIDED",
        outcome: "FULFILLED",
        decidedAt: new Date(),
      },
    });

    // A 3 MB file, so the upload and the download cross the S3 server in several parts.
    const content = Buffer.from(
      "項目,値\n" +
        Array.from({ length: 60_000 }, (_, i) => `ログイン${i},2024-01-01T00:00:00+09:00 端末${i % 97}`).join("\n"),
      "utf8",
    );
    const browser = await chromium.launch({ executablePath: TEST_BROWSER_PATH, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ locale: "ja-JP" });
      const [name, value] = (await staffCookie("STAFF")).split("=");
      await context.addCookies([{ name: name ?? "", value: value ?? "", url: B_BROWSER }]);
      const page = await context.newPage();
      await page.goto(`${B_BROWSER}/console/requests/${request.id}`);
      await page.getByTestId("package-method-form").getByRole("button", { name: "開示パッケージを作成" }).click();
      await page
        .locator("#packagefile-file")
        .setInputFiles({ name: "logins.csv", mimeType: "text/csv", buffer: content });
      await page.getByRole("button", { name: "ファイルを追加" }).click();
      await expect
        .poll(() => page.getByTestId("package-files").textContent(), { timeout: 30_000 })
        .toContain("logins.csv");
      await page.getByRole("button", { name: "公開して請求者に知らせる" }).click();
      await expect
        .poll(() => page.getByText("公開しました。請求は完了しました。").count(), { timeout: 30_000 })
        .toBe(1);
    } finally {
      await browser.close();
    }

    const pkg = await prisma.disclosurePackage.findUniqueOrThrow({
      where: { requestId: request.id },
      include: { files: { include: { file: true } } },
    });
    expect(pkg.publishedAt).not.toBeNull();
    const file = pkg.files[0]?.file;
    expect(file?.originalName).toBe("logins.csv");
    // The requester's download check (the emailed code) is tested in tests/e2e/portal-status.spec.ts.
    const { sessionToken } = await prisma.$transaction((tx) => createRequesterSession(tx, request.id, new Date()));
    await prisma.requesterSession.updateMany({
      where: { requestId: request.id },
      data: { downloadVerifiedAt: new Date() },
    });
    const downloaded = await download(A, `/api/status/package/${file?.id}`, sessionToken);
    expect(downloaded.equals(content)).toBe(true);
    expect(await prisma.downloadRecord.count({ where: { fileId: file?.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { requestId: request.id, action: "package.published" } })).toBe(1);
  }, 180_000);

  it("an ID uploaded through A's documents step is filed on A and opened by staff on B, with the view audited", async () => {
    const email = "multi-upload@example.com";
    await codeFor(email);
    // The wizard's earlier steps ("who is asking") have run on some server; the draft is in the database.
    const draftKey = newDraftKey();
    await updateWizardDraft(draftKey, (d) => ({
      ...d,
      answers: { ...d.answers, requester: { requesterKind: "SELF" } },
    }));
    const fileId = await uploadDocument(A, draftKey, "PASSPORT", "passport.png");
    const filed = await submit(A, email, newKey(), CODE, {
      cookie: draftKey,
      files: [{ fileId, kind: "PASSPORT", holder: "SUBJECT" }],
    });
    expect(filed).toMatchObject({ status: 201 });
    const request = await prisma.request.findUniqueOrThrow({
      where: { reference: (filed as { reference: string }).reference },
      include: { documents: true },
    });
    const document = request.documents[0];
    expect(document?.fileId).toBe(fileId);
    const res = await fetch(`${B}/console/requests/${request.id}/documents/${document?.id}`, {
      headers: { cookie: await staffCookie("STAFF") },
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\//);
    const shown = Buffer.from(await res.arrayBuffer());
    // Metadata is stripped on upload, so compare what was stored, not the fixture's bytes.
    const stored = await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(crypto.createHash("sha256").update(shown).digest("hex")).toBe(stored.sha256);
    expect(
      await prisma.auditEvent.count({
        where: { requestId: request.id, action: "document.viewed", entityId: document?.id },
      }),
    ).toBe(1);
  }, 120_000);

  it("code tries and the per-address limit count across both servers", async () => {
    const tries = "multi-tries@example.com";
    await codeFor(tries);
    const wrong = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => submit(i % 2 ? B : A, tries, newKey(), "000000")));
    expect(wrong.every((o) => "status" in o && o.status >= 400 && o.status < 500)).toBe(true);
    // Six wrong codes on two servers used up the five tries: the right one is refused too.
    const right = await submit(A, tries, newKey());
    expect("status" in right && right.status >= 400).toBe(true);
    expect(await prisma.request.count({ where: { emailNormalized: tries } })).toBe(0);

    const flood = "multi-flood@example.com";
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(await submit(i % 2 ? B : A, flood, newKey(), "000000"));
    const limited = outcomes.filter((o) => "status" in o && o.status === 429).length;
    expect(limited).toBe(2); // ten a day per address, counted in the shared database
  }, 120_000);

  it("each scheduled job slot runs once although two workers poll", async () => {
    const scheduled = await waitFor("scheduled jobs to run", async () => {
      const rows = await prisma.job.findMany({ where: { uniqueKey: { not: null }, status: "DONE" } });
      return rows.length > 0 ? rows : null;
    });
    for (const j of scheduled) expect(j.attempts).toBe(1);
    const kinds = await prisma.job.groupBy({
      by: ["uniqueKey"],
      _count: { _all: true },
      where: { uniqueKey: { not: null } },
    });
    expect(kinds.every((k) => k._count._all === 1)).toBe(true);
  }, 90_000);

  it("SIGKILL of B in a burst loses no accepted request, and a retry with the same key gets the same reference", async () => {
    const n = 24;
    const emails = Array.from({ length: n }, (_, i) => `burst-${i}@example.com`);
    for (const e of emails) await codeFor(e);
    const keys = emails.map(() => newKey());
    let killed = false;
    const outcomes = await Promise.all(
      emails.map(async (email, i) => {
        const o = await submit(i % 2 ? B : A, email, keys[i] ?? "");
        if (!killed && i % 2 === 1 && "status" in o) {
          killed = true;
          serverB.child.kill("SIGKILL");
        }
        return o;
      }),
    );
    if (!killed) serverB.child.kill("SIGKILL");
    await serverB.exited;
    for (const [i, o] of outcomes.entries()) {
      const key = keys[i] ?? "";
      if ("status" in o && o.status === 201) {
        expect(await prisma.request.findFirst({ where: { idempotencyKey: key }, select: { reference: true } })).toEqual(
          { reference: o.reference },
        );
      }
      // Whatever happened, the client's retry on A gets one request, the same as any committed one.
      const before = await prisma.request.findFirst({ where: { idempotencyKey: key }, select: { reference: true } });
      const retry = await submit(A, emails[i] ?? "", key);
      expect(retry).toMatchObject({ status: 201 });
      if (before) expect((retry as { reference: string }).reference).toBe(before.reference);
      expect(await prisma.request.count({ where: { idempotencyKey: key } })).toBe(1);
    }
  }, 180_000);

  it("SIGTERM in a burst: requests in flight complete, nothing is half-written, the process exits", async () => {
    const n = 16;
    const emails = Array.from({ length: n }, (_, i) => `term-${i}@example.com`);
    for (const e of emails) await codeFor(e);
    const keys = emails.map(() => newKey());
    const burst = Promise.all(emails.map((email, i) => submit(A, email, keys[i] ?? "")));
    await new Promise((r) => setTimeout(r, 150));
    serverA.child.kill("SIGTERM");
    const [outcomes, code] = await Promise.all([
      burst,
      Promise.race([
        serverA.exited,
        new Promise<string>((r) => setTimeout(() => r("still running after 30 s"), 30_000)),
      ]),
    ]);
    expect(code).toBe(0);
    for (const [i, o] of outcomes.entries()) {
      const row = await prisma.request.findFirst({
        where: { idempotencyKey: keys[i] ?? "" },
        include: { notices: true },
      });
      if ("status" in o) {
        // Answered: it completed, row and acknowledgement together.
        expect(o.status).toBe(201);
        expect(row?.reference).toBe(o.reference);
        expect(row?.notices.length).toBeGreaterThan(0);
        expect(await prisma.auditEvent.count({ where: { requestId: row?.id } })).toBeGreaterThan(0);
      } else {
        // Refused at the door: nothing of it was written.
        expect(row).toBeNull();
      }
    }
    expect(outcomes.some((o) => "status" in o)).toBe(true);
  }, 120_000);
});
