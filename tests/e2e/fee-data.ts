import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// Static imports: Playwright loads a lib module reliably only through its require hook
// (a dynamic import of one not loaded yet fails as ESM). process.env is set by the config.
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { nextReference } from "@/lib/requests/next-reference";
import { feeFieldsForNewRequest } from "@/lib/fees/transfer-reference";
import { createRequesterSession, REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";

// Data for the [fees] journeys, written to the e2e database the way the portal files a
// request: reference, deadline settings and the fee fixed from settings at filing.

export async function createDisclosureRequest(
  email: string | null,
): Promise<{ id: string; reference: string; transferReference: string }> {
  const settings = await getSettings(prisma);
  const arrivedAt = new Date();
  const r = await prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, arrivedAt);
    return tx.request.create({
      data: {
        reference,
        type: "DISCLOSURE",
        status: "RECEIVED",
        identity: "PENDING",
        ...feeFieldsForNewRequest("DISCLOSURE", settings.fee, reference),
        arrivedAt,
        targetDays: settings.deadlines.targetDays,
        locale: "ja",
        subjectName: "山田 花子",
        subjectNameKana: "ヤマダ ハナコ",
        email,
        details: { categories: [1, 2], deliveryMethod: "ELECTRONIC" },
      },
    });
  });
  if (!r.transferReference) throw new Error("a disclosure request has a transfer reference");
  return { id: r.id, reference: r.reference, transferReference: r.transferReference };
}

/** A requester session for the request, as the emailed code or the status link would open. */
export async function requesterSessionFor(requestId: string): Promise<{ name: string; value: string }> {
  const { sessionToken } = await prisma.$transaction((tx) => createRequesterSession(tx, requestId, new Date()));
  return { name: REQUESTER_SESSION_COOKIE, value: sessionToken };
}

/** Text of a PDF, extracted by poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `madoguchi-e2e-receipt-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
