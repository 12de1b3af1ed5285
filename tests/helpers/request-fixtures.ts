// Requests in any type and state, written directly with Prisma (no domain function), so
// console tests can start from the state they need. The reference, clock and fee are
// made the way filing makes them: nextReference, settings' target days, initialFee.
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  Channel,
  FeeStatus,
  IdentityStatus,
  RequestStatus,
  RequestType,
  RequesterKind,
  Role,
} from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/audit/actor";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { initialFee } from "@/lib/fees/initial-fee";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { nextReference } from "@/lib/requests/next-reference";
import { seedSystems } from "@/lib/seed/data-map";

export const DAY = 86_400_000;

export const requestTypes: RequestType[] = [
  "DISCLOSURE",
  "CORRECTION",
  "SUSPENSION",
  "THIRD_PARTY_STOP",
  "PURPOSE_NOTICE",
  "INQUIRY",
  "COMPLAINT",
];
export const requestStatuses: RequestStatus[] = [
  "RECEIVED",
  "IN_PROGRESS",
  "WAITING_FOR_REQUESTER",
  "DECIDED",
  "CLOSED",
  "WITHDRAWN",
  "ABANDONED",
];

/** What each type's requester states (docs/design.md §2), shaped as the portal stores it. */
export const detailsFor: Record<RequestType, Prisma.InputJsonValue> = {
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
  SUSPENSION: { categories: [6], ground: "BEYOND_PURPOSE", purpose: 10, wanted: "SUSPEND_USE" },
  THIRD_PARTY_STOP: { categories: [1], recipient: "株式会社サンプル物流", ground: "NO_CONSENT" },
  PURPOSE_NOTICE: {},
  INQUIRY: { topic: "HANDLING", message: "メールマガジンの配信停止方法を教えてください。" },
  COMPLAINT: { message: "対応が遅いです。" },
};

export type RequestFixture = {
  type?: RequestType;
  status?: RequestStatus;
  identity?: IdentityStatus;
  fee?: FeeStatus;
  channel?: Channel;
  requesterKind?: RequesterKind;
  arrivedAt?: Date;
  pausedAt?: Date | null;
  assigneeId?: string | null;
  subjectName?: string;
  subjectNameKana?: string | null;
  email?: string | null;
  customerId?: string | null;
  locale?: "ja" | "en";
  details?: Prisma.InputJsonValue;
  outcome?: Prisma.RequestCreateInput["outcome"];
};

let counter = 0;

export async function createRequest(f: RequestFixture = {}) {
  const settings = await getSettings(prisma);
  const type = f.type ?? "DISCLOSURE";
  const status = f.status ?? "RECEIVED";
  const arrivedAt = f.arrivedAt ?? new Date(Date.now() - 2 * DAY);
  const fee = initialFee(type, settings.fee);
  const needsId = type !== "INQUIRY" && type !== "COMPLAINT";
  const targetDays = settings.deadlines.targetDays;
  const pausedAt =
    f.pausedAt !== undefined ? f.pausedAt : status === "WAITING_FOR_REQUESTER" ? new Date(Date.now() - DAY) : null;
  const email = f.email !== undefined ? f.email : `person${++counter}@example.com`;
  const kind = f.requesterKind ?? "SELF";
  return prisma.$transaction(async (tx) =>
    tx.request.create({
      data: {
        reference: await nextReference(tx, arrivedAt),
        type,
        status,
        identity: f.identity ?? (needsId ? "PENDING" : "NOT_REQUIRED"),
        fee: f.fee ?? fee.fee,
        feeAmount: fee.feeAmount,
        feeTaxAmount: fee.feeTaxAmount,
        feeTaxRatePct: fee.feeTaxRatePct,
        outcome: f.outcome,
        channel: f.channel ?? "WEB",
        locale: f.locale ?? "ja",
        requesterKind: kind,
        arrivedAt,
        targetDays,
        pausedAt,
        dueAt: dueAtFor({ arrivedAt, targetDays, pausedMs: 0n, pausedAt: null }),
        assigneeId: f.assigneeId ?? null,
        subjectName: f.subjectName ?? "山田 花子",
        subjectNameKana: f.subjectNameKana !== undefined ? f.subjectNameKana : "ヤマダ ハナコ",
        subjectBirthDate: new Date("1985-04-12T00:00:00Z"),
        postalCode: "530-0001",
        prefecture: "大阪府",
        city: "大阪市北区",
        addressLine: "梅田1-1-1",
        email,
        emailNormalized: email?.toLowerCase() ?? null,
        customerId: f.customerId ?? null,
        relationship: "SERVICE_USER",
        agentName: kind === "SELF" ? null : "高橋 法律事務所",
        agentEmail: kind === "SELF" ? null : `agent${counter}@example.com`,
        details: f.details ?? detailsFor[type],
        decidedAt: status === "DECIDED" || status === "CLOSED" ? new Date() : null,
        closedAt: status === "CLOSED" ? new Date() : null,
      },
    }),
  );
}

/** One request of every type in every status. */
export async function createEveryRequest() {
  const out = [];
  for (const type of requestTypes)
    for (const status of requestStatuses) out.push(await createRequest({ type, status }));
  return out;
}

/** A real staff account (the timeline shows its name) and the actor a session would give. */
export async function createStaff(role: Role = "STAFF", name?: string): Promise<StaffActor & { name: string }> {
  const n = ++counter;
  const user = await prisma.staffUser.create({
    data: { email: `${role.toLowerCase()}${n}@madoguchi.example`, name: name ?? `${role} ${n}`, role },
  });
  return { type: "STAFF", id: user.id, role, name: user.name };
}

/** The seeded data map (lib/seed/data-map.ts), keyed by system key. */
export async function seedDataMap(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const s of seedSystems) {
    const row = await prisma.systemOfRecord.create({ data: { ...s, categories: [...s.categories] } });
    ids[s.key] = row.id;
  }
  return ids;
}

/** A tiny valid PNG (1×1), for identity documents and scans. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** An identity (or agent) document uploaded with the request, stored encrypted. */
export async function addDocument(
  requestId: string,
  opts: { kind?: Prisma.DocumentCreateInput["kind"]; holder?: "SUBJECT" | "AGENT"; content?: Buffer } = {},
) {
  const { storeFile } = await import("@/lib/files/file-store");
  return prisma.$transaction(async (tx) => {
    const file = await storeFile(tx, {
      role: "IDENTITY_DOCUMENT",
      content: opts.content ?? PNG_1X1,
      mimeType: "image/png",
      originalName: "license.png",
      requestId,
    });
    return tx.document.create({
      data: { requestId, fileId: file.id, kind: opts.kind ?? "DRIVERS_LICENSE", holder: opts.holder ?? "SUBJECT" },
    });
  });
}

/** Text of a PDF as /usr/bin/pdftotext extracts it (checks the Japanese font really works). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { execFileSync } = await import("node:child_process");
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const file = path.join(os.tmpdir(), `madoguchi-console-${process.pid}-${++counter}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The decrypted PDF of a notice. */
export async function noticePdfText(noticeId: string): Promise<string> {
  const { readStoredFile } = await import("@/lib/files/file-store");
  const n = await prisma.notice.findUniqueOrThrow({ where: { id: noticeId }, include: { file: true } });
  if (!n.file) throw new Error("notice has no PDF");
  return pdfText(await readStoredFile(n.file));
}

/**
 * Renders page 1 with poppler and counts clusters of inked columns in the band of the
 * first text line: each character separated by an ideographic space is one cluster,
 * so a glyph that is in the PDF but draws nothing shows up as a missing cluster.
 */
export async function inkClustersOnFirstLine(pdf: Buffer): Promise<number> {
  const { execFileSync } = await import("node:child_process");
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const base = path.join(os.tmpdir(), `madoguchi-ink-${process.pid}-${++counter}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  try {
    execFileSync("pdftoppm", ["-gray", "-r", "100", "-f", "1", "-l", "1", "-singlefile", `${base}.pdf`, base]);
    const pgm = fs.readFileSync(`${base}.pgm`);
    // P5 header: "P5\n<w> <h>\n255\n"
    const header = pgm.subarray(0, 40).toString("latin1").split(/\s+/);
    const width = Number(header[1]);
    const height = Number(header[2]);
    const data = pgm.subarray(pgm.length - width * height);
    const dark = (x: number, y: number) => (data[y * width + x] ?? 255) < 128;
    let top = -1;
    for (let y = 0; y < height && top < 0; y++)
      for (let x = 0; x < width; x++)
        if (dark(x, y)) {
          top = y;
          break;
        }
    if (top < 0) return 0;
    const band = Math.round(0.25 * 100); // a quarter inch covers one 16pt line
    let clusters = 0;
    let gap = Infinity;
    for (let x = 0; x < width; x++) {
      let ink = false;
      for (let y = top; y < Math.min(height, top + band) && !ink; y++) ink = dark(x, y);
      if (ink && gap > 8) clusters++;
      gap = ink ? 0 : gap + 1;
    }
    return clusters;
  } finally {
    fs.rmSync(`${base}.pdf`, { force: true });
    fs.rmSync(`${base}.pgm`, { force: true });
  }
}
