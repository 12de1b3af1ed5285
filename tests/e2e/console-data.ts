// Static imports on purpose: Playwright compiles these to require(), which resolves the
// TypeScript sources; a dynamic import() of lib/ can reach Node's own loader and fail.
// Data for the [console] journeys. Requests are written to the
// e2e database the way the test fixtures make them (reference, clock and fee as filing
// does).
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { Prisma } from "@/lib/generated/prisma/client";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { feeFieldsForNewRequest } from "@/lib/fees/transfer-reference";
import { storeFile } from "@/lib/files/file-store";
import { nextReference } from "@/lib/requests/next-reference";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { codeFrom, type Mailbox } from "./fixtures";

export type RequestOptions = {
  type?: "DISCLOSURE" | "CORRECTION" | "SUSPENSION" | "THIRD_PARTY_STOP";
  identity?: "PENDING" | "VERIFIED";
  status?: "RECEIVED" | "IN_PROGRESS";
  details?: Prisma.InputJsonValue;
  subjectName?: string;
  subjectNameKana?: string;
  customerId?: string;
  withDocument?: boolean;
  /** The uploaded identity document (withDocument); a 1×1 PNG unless given. */
  document?: { content: Buffer; mimeType: string; originalName: string };
};

/** A unique address per journey, so mail waits never pick up another test's message. */
export function uniqueEmail(tag: string): string {
  return `console-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** A tiny valid PNG (1×1), as an uploaded identity document. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const detailsFor: Record<NonNullable<RequestOptions["type"]>, Prisma.InputJsonValue> = {
  DISCLOSURE: {
    categories: [1, 2, 4],
    period: { from: "2024-01-01", to: "2026-10-31" },
    deliveryMethod: "ELECTRONIC",
    includeProvisionRecords: false,
  },
  CORRECTION: {
    action: "CORRECT",
    items: [{ category: 1, current: "東京都渋谷区渋谷2-2-20", corrected: "東京都渋谷区渋谷2-2-2" }],
  },
  SUSPENSION: { categories: [6], ground: "BEYOND_PURPOSE", purpose: 10, wanted: "DELETE" },
  THIRD_PARTY_STOP: { categories: [1], ground: "THIRD_PARTY_WITHOUT_CONSENT" },
};

/** An online request (channel WEB) arrived two days ago, optionally with an identity document (PNG) uploaded. */
export async function createOnlineRequest(
  email: string,
  opts: RequestOptions = {},
): Promise<{ id: string; reference: string; documentId: string | null }> {
  const settings = await getSettings(prisma);
  const type = opts.type ?? "DISCLOSURE";
  const arrivedAt = new Date(Date.now() - 2 * 86_400_000);
  const targetDays = settings.deadlines.targetDays;
  return prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, arrivedAt);
    const r = await tx.request.create({
      data: {
        reference,
        type,
        status: opts.status ?? "RECEIVED",
        identity: opts.identity ?? "PENDING",
        channel: "WEB",
        locale: "ja",
        requesterKind: "SELF",
        ...feeFieldsForNewRequest(type, settings.fee, reference),
        arrivedAt,
        targetDays,
        dueAt: dueAtFor({ arrivedAt, targetDays, pausedMs: 0n, pausedAt: null }),
        subjectName: opts.subjectName ?? "山田 花子",
        subjectNameKana: opts.subjectNameKana ?? "ヤマダ ハナコ",
        subjectBirthDate: new Date("1985-04-12T00:00:00Z"),
        postalCode: "530-0001",
        prefecture: "大阪府",
        city: "大阪市北区",
        addressLine: "梅田1-1-1",
        email,
        emailNormalized: email.toLowerCase(),
        customerId: opts.customerId ?? "C-10023",
        relationship: "SERVICE_USER",
        details: opts.details ?? detailsFor[type],
      },
    });
    if (!opts.withDocument) return { id: r.id, reference: r.reference, documentId: null };
    const upload = opts.document ?? { content: PNG_1X1, mimeType: "image/png", originalName: "license.png" };
    const file = await storeFile(tx, { role: "IDENTITY_DOCUMENT", ...upload, requestId: r.id });
    const doc = await tx.document.create({
      data: { requestId: r.id, fileId: file.id, kind: "DRIVERS_LICENSE", holder: "SUBJECT" },
    });
    return { id: r.id, reference: r.reference, documentId: doc.id };
  });
}

export async function requestRow(id: string) {
  return prisma.request.findUniqueOrThrow({
    where: { id },
    include: {
      tasks: { include: { system: true } },
      notices: true,
      documents: true,
      package: { include: { files: true, downloads: true } },
    },
  });
}

/** The audit chain of the whole database still verifies. */
export async function auditChainOk(): Promise<boolean> {
  return (await verifyAuditChain(prisma)).ok;
}

/** A small CSV to disclose. */
export const disclosureCsv = {
  name: "members.csv",
  mimeType: "text/csv",
  buffer: Buffer.from("項目,値\n会員ID,C-10023\n氏名,山田 花子\n", "utf8"),
};

/**
 * The requester opens the status page (reference, email, emailed code) and asks for a fresh
 * download code: the package's files are then links on the page.
 */
export async function openPackageAsRequester(
  browser: Browser,
  mailbox: Mailbox,
  reference: string,
  email: string,
): Promise<{ requesterContext: BrowserContext; requester: Page; pkg: Locator }> {
  const requesterContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  await requester.goto("/status");
  await requester.getByLabel("受付番号").fill(reference);
  await requester.getByLabel("メールアドレス").fill(email);
  let since = Date.now();
  await requester.getByRole("button", { name: "確認コードを送信" }).click();
  await requester
    .getByLabel("確認コード（6桁）")
    .fill(codeFrom(await mailbox.waitFor({ to: email, subject: /確認コード/, since })));
  await requester.getByRole("button", { name: "状況を表示" }).click();
  const pkg = requester.getByTestId("package");
  since = Date.now();
  await pkg.getByRole("button", { name: "ダウンロード用の確認コードを送信" }).click();
  await pkg
    .getByLabel("ダウンロード用の確認コード（6桁）")
    .fill(codeFrom(await mailbox.waitFor({ to: email, subject: /確認コード/, since })));
  await pkg.getByRole("button", { name: "確認してダウンロードへ進む" }).click();
  return { requesterContext, requester, pkg };
}

/**
 * Opens a request-page section that is not part of the next action: those start closed
 * (issue 17), and what is inside a closed section is hidden from role queries.
 */
export async function openSection(page: Page, id: string): Promise<void> {
  const section = page.getByTestId(`section-${id}`);
  if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  await expect(section).toHaveAttribute("open", "");
}
