import type { FeeStatus, PaymentMethod, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { getSettings } from "@/lib/settings/get-settings";
import type { Settings } from "@/lib/settings/settings-schema";
import { outstandingAmount, takesPayment } from "./fee-state";
import { stripeEnabled } from "./stripe-client";

// What the status page (requester) and the console's request page (staff) show about a
// fee. Pages render these; they compute nothing themselves.

type ReceiptRef = { id: string; number: string; issuedAt: Date; reissued: boolean };

export type RequesterFeeView = {
  fee: FeeStatus;
  feeAmount: number;
  feeTaxAmount: number;
  feeTaxRatePct: number;
  paid: number;
  outstanding: number;
  /** Only while payment is awaited: where and how to pay. */
  payment: {
    transferReference: string | null;
    bank: Settings["fee"]["bank"];
    methods: Settings["fee"]["methods"];
    canPayOnline: boolean;
  } | null;
  receipts: ReceiptRef[];
};

const receiptSelect = { id: true, number: true, issuedAt: true, reissueOf: true } as const;
const toReceiptRef = (r: { id: string; number: string; issuedAt: Date; reissueOf: string | null }): ReceiptRef => ({
  id: r.id,
  number: r.number,
  issuedAt: r.issuedAt,
  reissued: r.reissueOf !== null,
});

export async function requesterFeeView(opts: { actor: Actor | null }): Promise<RequesterFeeView> {
  const { actor } = opts;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.type !== "REQUESTER") throw new AppError("FORBIDDEN", `actor ${actor.type}`);
  const r = await prisma.request.findUnique({
    where: { id: actor.requestId },
    include: {
      payments: { select: { amount: true } },
      refunds: { select: { amount: true } },
      receipts: { select: receiptSelect, orderBy: { issuedAt: "asc" } },
    },
  });
  if (!r) throw new AppError("NOT_FOUND", "request");
  const settings = await getSettings(prisma);
  const paid = r.payments.reduce((n, p) => n + p.amount, 0) - r.refunds.reduce((n, x) => n + x.amount, 0);
  const owing = takesPayment(r);
  const online = stripeEnabled() && settings.fee.methods.includes("STRIPE");
  return {
    fee: r.fee,
    feeAmount: r.feeAmount,
    feeTaxAmount: r.feeTaxAmount,
    feeTaxRatePct: r.feeTaxRatePct,
    paid,
    outstanding: owing ? outstandingAmount(r.feeAmount, { paid, refunded: 0, net: paid }) : 0,
    payment: owing
      ? {
          transferReference: r.transferReference,
          bank: settings.fee.bank,
          methods: settings.fee.methods.filter((m) => m !== "STRIPE" || online),
          canPayOnline: online,
        }
      : null,
    receipts: r.receipts.map(toReceiptRef),
  };
}

export type StaffFeeView = {
  requestId: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  fee: FeeStatus;
  feeAmount: number;
  feeTaxAmount: number;
  transferReference: string | null;
  waiverReason: string | null;
  paymentReminderAt: Date | null;
  paid: number;
  refunded: number;
  outstanding: number;
  takesPayment: boolean;
  payments: {
    id: string;
    method: PaymentMethod;
    amount: number;
    paidOn: string;
    payerName: string | null;
    refundable: number;
    viaStripe: boolean;
  }[];
  refunds: { id: string; paymentId: string; amount: number; reason: string; createdAt: Date; viaStripe: boolean }[];
  receipts: ReceiptRef[];
  bankLines: { id: string; status: string; amount: number; bookedOn: string }[];
};

export async function staffFeeView(opts: { actor: Actor | null; requestId: string }): Promise<StaffFeeView> {
  assertPermission(opts.actor, "read:fee");
  const r = await prisma.request.findUnique({
    where: { id: opts.requestId },
    include: {
      payments: { include: { refunds: { select: { amount: true } } }, orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      receipts: { select: receiptSelect, orderBy: { issuedAt: "asc" } },
      bankLines: { select: { id: true, status: true, amount: true, bookedOn: true }, orderBy: { bookedOn: "asc" } },
    },
  });
  if (!r) throw new AppError("NOT_FOUND", "request");
  const paid = r.payments.reduce((n, p) => n + p.amount, 0);
  const refunded = r.refunds.reduce((n, x) => n + x.amount, 0);
  const owing = takesPayment(r);
  return {
    requestId: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    fee: r.fee,
    feeAmount: r.feeAmount,
    feeTaxAmount: r.feeTaxAmount,
    transferReference: r.transferReference,
    waiverReason: r.feeWaiverReason,
    paymentReminderAt: r.paymentReminderAt,
    paid,
    refunded,
    outstanding: owing ? outstandingAmount(r.feeAmount, { paid, refunded, net: paid - refunded }) : 0,
    takesPayment: owing,
    payments: r.payments.map((p) => ({
      id: p.id,
      method: p.method,
      amount: p.amount,
      paidOn: p.paidOn.toISOString().slice(0, 10),
      payerName: p.payerName,
      refundable: p.amount - p.refunds.reduce((n, x) => n + x.amount, 0),
      viaStripe: p.method === "STRIPE",
    })),
    refunds: r.refunds.map((x) => ({
      id: x.id,
      paymentId: x.paymentId,
      amount: x.amount,
      reason: x.reason,
      createdAt: x.createdAt,
      viaStripe: x.stripeRefundId !== null,
    })),
    receipts: r.receipts.map(toReceiptRef),
    bankLines: r.bankLines.map((l) => ({
      id: l.id,
      status: l.status,
      amount: l.amount,
      bookedOn: l.bookedOn.toISOString().slice(0, 10),
    })),
  };
}
