import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locale, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/audit/actor";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { nextReference } from "@/lib/requests/next-reference";
import { initialFee } from "@/lib/fees/initial-fee";
import { transferReferenceFor } from "@/lib/fees/transfer-reference";

export const admin: StaffActor = { type: "STAFF", id: "admin-1", role: "ADMIN" };
export const officer: StaffActor = { type: "STAFF", id: "officer-1", role: "OFFICER" };
export const staff: StaffActor = { type: "STAFF", id: "staff-1", role: "STAFF" };

export type FeeRequestFixture = {
  type?: RequestType;
  status?: RequestStatus;
  locale?: Locale;
  email?: string | null;
  arrivedAt?: Date;
  createdAt?: Date;
};

/** A request as the portal files it: reference, clock and the fee fixed from settings. */
export async function createFeeRequest(opts: FeeRequestFixture = {}) {
  const settings = await getSettings(prisma);
  const type = opts.type ?? "DISCLOSURE";
  const arrivedAt = opts.arrivedAt ?? new Date();
  return prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, arrivedAt);
    const fee = initialFee(type, settings.fee);
    return tx.request.create({
      data: {
        reference,
        type,
        status: opts.status ?? "RECEIVED",
        identity: "PENDING",
        ...fee,
        transferReference: fee.fee === "AWAITING_PAYMENT" ? transferReferenceFor(reference) : null,
        arrivedAt,
        targetDays: settings.deadlines.targetDays,
        locale: opts.locale ?? "ja",
        subjectName: "山田 花子",
        subjectNameKana: "ヤマダ ハナコ",
        email: opts.email === undefined ? "hanako.yamada@example.com" : opts.email,
        createdAt: opts.createdAt,
        details: type === "DISCLOSURE" ? { categories: [1, 2], deliveryMethod: "ELECTRONIC" } : {},
      },
    });
  });
}

/** Text of a PDF, extracted by poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(
    os.tmpdir(),
    `madoguchi-fee-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`,
  );
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
