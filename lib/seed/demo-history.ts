import { DAY_MS } from "@/lib/dates";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type {
  Channel,
  Outcome,
  PaymentMethod,
  RequestStatus,
  RequestType,
  WithholdingGround,
} from "@/lib/generated/prisma/enums";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvents, type AuditEventInput } from "@/lib/audit/write-audit-event";
import { nextReference } from "@/lib/requests/next-reference";
import { transferReferenceFor } from "@/lib/fees/transfer-reference";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";

// A year of fictional history for the embedded demo (issue 17): a few hundred requests over
// twelve months, every type, channel and outcome, fees paid by each method, some refused
// with grounds, some withdrawn or abandoned, a few overdue — so the queue, reports and
// fees dashboards show real trends on first start. Only prepare-db seeds it, on the
// embedded database (or when SEED_DEMO=1); the e2e server never does. Deterministic: the
// same pseudo-random sequence every time.

/** A seeded pseudo-random sequence in [0, 1) (mulberry32); the rollup tests draw from it too. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends string>(rnd: () => number, table: [[T, number], ...[T, number][]]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[0][0];
}

const families = [
  ["山本", "ヤマモト"],
  ["中村", "ナカムラ"],
  ["小林", "コバヤシ"],
  ["加藤", "カトウ"],
  ["吉田", "ヨシダ"],
  ["山田", "ヤマダ"],
  ["佐々木", "ササキ"],
  ["松本", "マツモト"],
  ["井上", "イノウエ"],
  ["木村", "キムラ"],
  ["林", "ハヤシ"],
  ["清水", "シミズ"],
  ["森", "モリ"],
  ["池田", "イケダ"],
  ["橋本", "ハシモト"],
] as const;
const givens = [
  ["陽菜", "ヒナ", "hina"],
  ["蓮", "レン", "ren"],
  ["結衣", "ユイ", "yui"],
  ["湊", "ミナト", "minato"],
  ["美咲", "ミサキ", "misaki"],
  ["大翔", "ヒロト", "hiroto"],
  ["葵", "アオイ", "aoi"],
  ["翔太", "ショウタ", "shota"],
  ["さくら", "サクラ", "sakura"],
  ["健一", "ケンイチ", "kenichi"],
  ["直子", "ナオコ", "naoko"],
  ["誠", "マコト", "makoto"],
] as const;
const romaji: Record<string, string> = {
  山本: "yamamoto",
  中村: "nakamura",
  小林: "kobayashi",
  加藤: "kato",
  吉田: "yoshida",
  山田: "yamada",
  佐々木: "sasaki",
  松本: "matsumoto",
  井上: "inoue",
  木村: "kimura",
  林: "hayashi",
  清水: "shimizu",
  森: "mori",
  池田: "ikeda",
  橋本: "hashimoto",
};

const refusalGrounds: Record<string, WithholdingGround[]> = {
  DISCLOSURE: ["IDENTITY_UNCONFIRMED", "HARM_TO_LIFE_OR_RIGHTS", "BUSINESS_IMPEDIMENT", "LEGAL_VIOLATION"],
  CORRECTION: ["INFORMATION_ACCURATE", "IDENTITY_UNCONFIRMED"],
  SUSPENSION: ["INVESTIGATION_FINDING", "IDENTITY_UNCONFIRMED"],
  THIRD_PARTY_STOP: ["INVESTIGATION_FINDING"],
};
const groundText: Record<WithholdingGround, string> = {
  IDENTITY_UNCONFIRMED:
    "提出いただいた本人確認書類の氏名・住所がご登録の内容と一致せず、再提出もいただけなかったため。",
  HARM_TO_LIFE_OR_RIGHTS: "第三者の氏名と連絡先が含まれる問い合わせ記録のため、その部分を除いて開示します。",
  BUSINESS_IMPEDIMENT: "不正利用の調査記録は、開示すると調査の実施に著しい支障があるため。",
  LEGAL_VIOLATION: "捜査機関からの照会に関する記録であり、開示すると法令に違反するため。",
  INFORMATION_ACCURATE: "ご登録の住所は住民票の写しと一致しており、事実と異なる点は確認できませんでした。",
  INVESTIGATION_FINDING: "調査の結果、利用目的の範囲内での利用であり、利用停止の理由は確認できませんでした。",
};

function detailsFor(type: RequestType, rnd: () => number): Prisma.InputJsonValue {
  switch (type) {
    case "DISCLOSURE":
      return {
        categories: rnd() < 0.5 ? [1, 2, 4] : [1, 3, 6, 8],
        period: { from: "2024-01-01", to: "2026-10-31" },
        deliveryMethod: rnd() < 0.85 ? "ELECTRONIC" : "POST",
        includeProvisionRecords: rnd() < 0.2,
        documentsByPost: false,
      };
    case "CORRECTION":
      return {
        action: "CORRECT",
        items: [{ category: 1, current: "東京都世田谷区桜1-2-3", corrected: "東京都世田谷区桜1-2-30" }],
        documentsByPost: false,
      };
    case "SUSPENSION":
      return {
        categories: [6],
        ground: "BEYOND_PURPOSE",
        purpose: 10,
        wanted: rnd() < 0.5 ? "SUSPEND_USE" : "DELETE",
        documentsByPost: false,
      };
    case "THIRD_PARTY_STOP":
      return { categories: [1], ground: "THIRD_PARTY_WITHOUT_CONSENT", documentsByPost: false };
    case "PURPOSE_NOTICE":
      return { documentsByPost: false };
    case "INQUIRY":
      return {
        topic: rnd() < 0.5 ? "MARKETING" : "HANDLING",
        message: "メールマガジンの配信を止める方法を教えてください。",
      };
    case "COMPLAINT":
      return { topic: "OTHER", message: "電話での対応に時間がかかりました。改善をお願いします。" };
  }
}

type Planned = {
  arrivedAt: Date;
  type: RequestType;
  channel: Channel;
  status: RequestStatus;
  outcome: Outcome | null;
  grounds: WithholdingGround[];
  closedAt: Date | null;
  payment: PaymentMethod | "WAIVED" | null;
  refunded: boolean;
};

/** What a year at the desk looks like, oldest first; `now` fixes "today". */
export function planDemoHistory(now: Date, count = 300): Planned[] {
  const rnd = prng(20261201);
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    // Spread over 365 days, a little busier in recent months (the desk grew).
    // About one in eight arrived in the last three weeks: the desk's work in hand.
    const daysAgo = rnd() < 0.12 ? 3 + Math.floor(rnd() * 18) : Math.floor(Math.pow(rnd(), 0.9) * 362) + 3;
    const arrivedAt = new Date(now.getTime() - daysAgo * DAY_MS - Math.floor(rnd() * 8) * 3_600_000);
    const type = weighted<RequestType>(rnd, [
      ["DISCLOSURE", 40],
      ["CORRECTION", 14],
      ["SUSPENSION", 11],
      ["THIRD_PARTY_STOP", 8],
      ["PURPOSE_NOTICE", 7],
      ["INQUIRY", 13],
      ["COMPLAINT", 7],
    ]);
    const channel = weighted<Channel>(rnd, [
      ["WEB", 64],
      ["POST", 15],
      ["EMAIL", 10],
      ["PHONE", 6],
      ["COUNTER", 5],
    ]);
    const needsFee = type === "DISCLOSURE";
    let status: RequestStatus;
    if (daysAgo > 40)
      status = weighted<RequestStatus>(rnd, [
        ["CLOSED", 88],
        ["WITHDRAWN", 5],
        ["ABANDONED", needsFee ? 7 : 2],
      ]);
    else if (daysAgo > 18)
      status = weighted<RequestStatus>(rnd, [
        ["CLOSED", 70],
        ["IN_PROGRESS", 14],
        ["WAITING_FOR_REQUESTER", 6],
        ["DECIDED", 6],
        ["WITHDRAWN", 4],
      ]);
    else
      status = weighted<RequestStatus>(rnd, [
        ["RECEIVED", 30],
        ["IN_PROGRESS", 40],
        ["WAITING_FOR_REQUESTER", 10],
        ["DECIDED", 10],
        ["CLOSED", 10],
      ]);
    let outcome: Outcome | null = null;
    let grounds: WithholdingGround[] = [];
    if (status === "CLOSED" || status === "DECIDED") {
      const choices: [[Outcome, number], ...[Outcome, number][]] =
        type === "DISCLOSURE"
          ? [
              ["FULFILLED", 62],
              ["PARTIALLY_FULFILLED", 14],
              ["NOT_FULFILLED", 10],
              ["NO_DATA_HELD", 14],
            ]
          : type === "SUSPENSION" || type === "THIRD_PARTY_STOP"
            ? [
                ["FULFILLED", 60],
                ["PARTIALLY_FULFILLED", 10],
                ["ALTERNATIVE_MEASURE", 15],
                ["NOT_FULFILLED", 15],
              ]
            : type === "CORRECTION"
              ? [
                  ["FULFILLED", 70],
                  ["PARTIALLY_FULFILLED", 12],
                  ["NOT_FULFILLED", 18],
                ]
              : [
                  ["FULFILLED", 92],
                  ["NOT_FULFILLED", 8],
                ];
      outcome = weighted(rnd, choices);
      const possible = refusalGrounds[type] ?? [];
      if ((outcome === "NOT_FULFILLED" || outcome === "PARTIALLY_FULFILLED") && possible.length) {
        const g = possible[Math.floor(rnd() * possible.length)] ?? "INVESTIGATION_FINDING";
        // A partial refusal is never for want of identity: that refuses the whole request.
        grounds = [
          outcome === "PARTIALLY_FULFILLED" && g === "IDENTITY_UNCONFIRMED"
            ? (possible.find((x) => x !== "IDENTITY_UNCONFIRMED") ?? g)
            : g,
        ];
      }
    }
    const took = 4 + Math.floor(rnd() * (rnd() < 0.12 ? 20 : 12)); // some close late
    const closedAt =
      status === "CLOSED" || status === "WITHDRAWN" || status === "ABANDONED"
        ? new Date(Math.min(arrivedAt.getTime() + took * DAY_MS, now.getTime() - DAY_MS))
        : null;
    let payment: Planned["payment"] = null;
    if (needsFee && status !== "ABANDONED" && !(status === "RECEIVED" && rnd() < 0.6) && status !== "WITHDRAWN") {
      payment = weighted<PaymentMethod | "WAIVED">(rnd, [
        ["BANK_TRANSFER", 52],
        ["STRIPE", 28],
        ["POSTAL_MONEY_ORDER", 10],
        ["CASH", 5],
        ["WAIVED", 5],
      ]);
    }
    const refunded =
      payment !== null && payment !== "WAIVED" && (outcome === "NO_DATA_HELD" ? rnd() < 0.3 : rnd() < 0.02);
    out.push({ arrivedAt, type, channel, status, outcome, grounds, closedAt, payment, refunded });
  }
  return out.sort((a, b) => a.arrivedAt.getTime() - b.arrivedAt.getTime());
}

/**
 * Writes the planned year, oldest first (so references follow arrival), in batches.
 * Returns how many requests it wrote.
 */
export async function seedDemoHistory(prisma: PrismaClient, now = new Date(), count = 300): Promise<number> {
  const staff = await prisma.staffUser.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, role: true } });
  const decider = staff.find((s) => s.role === "STAFF")?.id ?? staff[0]?.id;
  const officer = staff.find((s) => s.role === "OFFICER")?.id ?? decider;
  const admin = staff.find((s) => s.role === "ADMIN")?.id ?? decider;
  if (!decider || !officer || !admin) return 0;
  const policy = await prisma.policyVersion.findFirst({ orderBy: { effectiveDate: "asc" }, select: { id: true } });
  const plan = planDemoHistory(now, count);
  const rnd = prng(7);
  const seed = systemActor("seed");
  for (let start = 0; start < plan.length; start += 50) {
    await prisma.$transaction(
      async (tx) => {
        const audit: AuditEventInput[] = [];
        for (const [offset, p] of plan.slice(start, start + 50).entries()) {
          const i = start + offset;
          const [family, familyKana] = families[i % families.length] ?? families[0];
          const [given, givenKana, givenRomaji] = givens[(i * 7) % givens.length] ?? givens[0];
          const email =
            p.channel === "POST" || p.channel === "COUNTER" ? null : `${givenRomaji}.${romaji[family]}${i}@example.com`;
          const reference = await nextReference(tx, p.arrivedAt);
          const disclosure = p.type === "DISCLOSURE";
          const fee = !disclosure
            ? "NOT_REQUIRED"
            : p.payment === "WAIVED"
              ? "WAIVED"
              : p.refunded
                ? "REFUNDED"
                : p.payment
                  ? "PAID"
                  : "AWAITING_PAYMENT";
          const identity =
            p.type === "INQUIRY" || p.type === "COMPLAINT"
              ? "NOT_REQUIRED"
              : p.grounds.includes("IDENTITY_UNCONFIRMED")
                ? "FAILED"
                : p.status === "RECEIVED" || p.status === "WITHDRAWN" || p.status === "ABANDONED"
                  ? "PENDING"
                  : "VERIFIED";
          const decidedAt = p.outcome
            ? new Date((p.closedAt ?? now).getTime() - (p.status === "DECIDED" ? 0 : DAY_MS))
            : null;
          const pausedAt = p.status === "WAITING_FOR_REQUESTER" ? new Date(p.arrivedAt.getTime() + 3 * DAY_MS) : null;
          const r = await tx.request.create({
            data: {
              reference,
              type: p.type,
              status: p.status,
              identity,
              fee,
              outcome: p.outcome,
              channel: p.channel,
              locale: rnd() < 0.93 ? "ja" : "en",
              arrivedAt: p.arrivedAt,
              targetDays: 14,
              dueAt: dueAtFor({ arrivedAt: p.arrivedAt, targetDays: 14, pausedMs: 0n, pausedAt: null }),
              pausedAt,
              assigneeId: rnd() < 0.85 ? decider : null,
              policyVersionId: policy?.id ?? null,
              subjectName: `${family} ${given}`,
              subjectNameKana: `${familyKana} ${givenKana}`,
              email,
              emailNormalized: email,
              postalCode: "150-0002",
              prefecture: "東京都",
              city: "渋谷区",
              addressLine: `渋谷${(i % 4) + 1}-${(i % 9) + 1}-${(i % 20) + 1}`,
              relationship: "SERVICE_USER",
              details: detailsFor(p.type, rnd),
              feeAmount: disclosure ? 5500 : 0,
              feeTaxAmount: disclosure ? 500 : 0,
              transferReference: disclosure ? transferReferenceFor(reference) : null,
              feeWaiverReason: p.payment === "WAIVED" ? "生活保護受給中のため免除（デモ）" : null,
              decidedAt,
              closedAt: p.status === "CLOSED" ? p.closedAt : null,
              withdrawnAt: p.status === "WITHDRAWN" ? p.closedAt : null,
              abandonedAt: p.status === "ABANDONED" ? p.closedAt : null,
              createdAt: p.arrivedAt,
            },
            select: { id: true },
          });
          audit.push({
            actor: seed,
            action: "request.seeded",
            entity: "Request",
            entityId: r.id,
            requestId: r.id,
            data: { type: p.type, status: p.status, history: true },
          });
          if (p.outcome && decidedAt) {
            const needsApproval = p.outcome !== "FULFILLED" && p.outcome !== "NO_DATA_HELD";
            await tx.decision.create({
              data: {
                requestId: r.id,
                outcome: p.outcome,
                decidedById: decider,
                createdAt: decidedAt,
                noticeSentAt: decidedAt,
                explanation:
                  p.outcome === "FULFILLED"
                    ? "ご請求のとおり対応しました。"
                    : p.outcome === "NO_DATA_HELD"
                      ? "ご請求の情報は当社では保有していません。"
                      : "理由欄のとおり、一部またはすべてに応じられません。",
                approval: needsApproval ? "APPROVED" : "NOT_REQUIRED",
                approvedById: needsApproval ? officer : null,
                approvedAt: needsApproval ? decidedAt : null,
                details:
                  p.outcome === "ALTERNATIVE_MEASURE"
                    ? { alternativeMeasure: "メール配信を停止し、今後の利用を行わない設定にしました。" }
                    : {},
                grounds: { create: p.grounds.map((g) => ({ ground: g, explanation: groundText[g] })) },
              },
            });
          }
          if (p.payment && p.payment !== "WAIVED") {
            const paidOn = new Date(
              Math.min(p.arrivedAt.getTime() + (2 + Math.floor(rnd() * 6)) * DAY_MS, now.getTime() - DAY_MS),
            );
            const payment = await tx.payment.create({
              data: {
                requestId: r.id,
                method: p.payment,
                amount: 5500,
                paidOn: new Date(paidOn.toISOString().slice(0, 10)),
                recordedById: p.payment === "STRIPE" ? null : admin,
                createdAt: paidOn,
              },
            });
            if (p.refunded)
              await tx.refund.create({
                data: {
                  requestId: r.id,
                  paymentId: payment.id,
                  amount: 5500,
                  reason: "該当データがなかったため全額返金（デモ）",
                  createdById: admin,
                  createdAt: new Date(Math.min(paidOn.getTime() + 10 * DAY_MS, now.getTime() - DAY_MS)),
                },
              });
          }
        }
        await writeAuditEvents(tx, audit);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return plan.length;
}
