import type {
  DeliveryMethod,
  DocumentHolder,
  DocumentKind,
  DocumentReview,
  FeeStatus,
  IdentityStatus,
  MessageAuthor,
  NoticeKind,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { jstDate } from "@/lib/dates";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { isOpen } from "@/lib/requests/request-states";
import { documentsByPostOf } from "@/lib/requests/stored-details";
import { requesterNeeds, statusWords, type RequesterNeed } from "./requester-needs";
import { DOWNLOAD_VERIFICATION_TTL_MS } from "./package-download";
import type { RequesterSession } from "./requester-session";

// Everything the status page shows, for the one request the session is bound to. Words
// are message keys (namespace "requests"); staff-only data (internal notes, staff ids,
// review notes, assignee) never leaves this function.

export type RequesterView = {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  statusTitleKey: string;
  statusDescriptionKey: string;
  open: boolean;
  receivedAt: Date;
  /** Target date as it stands now (a pause pushes it out), and as a JST calendar day. */
  targetAt: Date | null;
  targetDate: string | null;
  paused: boolean;
  identity: IdentityStatus;
  fee: { status: FeeStatus; amount: number; taxAmount: number; transferReference: string | null };
  needs: RequesterNeed[];
  documents: { id: string; kind: DocumentKind; holder: DocumentHolder; review: DocumentReview }[];
  messages: {
    id: string;
    author: MessageAuthor;
    body: string;
    createdAt: Date;
    attachments: { id: string; name: string; mimeType: string; sizeBytes: number }[];
  }[];
  notices: { id: string; kind: NoticeKind; subject: string; createdAt: Date; hasPdf: boolean }[];
  package: {
    deliveryMethod: DeliveryMethod;
    published: boolean;
    expiresAt: Date | null;
    /** Published for download and not expired. */
    available: boolean;
    /** A fresh download code was entered in this session. */
    downloadVerified: boolean;
    files: { id: string; name: string; mimeType: string; sizeBytes: number }[];
  } | null;
  canWithdraw: boolean;
  canMessage: boolean;
};

const fileSelect = { id: true, originalName: true, mimeType: true, sizeBytes: true, deletedAt: true } as const;
const fileOut = (f: { id: string; originalName: string; mimeType: string; sizeBytes: number }) => ({
  id: f.id,
  name: f.originalName,
  mimeType: f.mimeType,
  sizeBytes: f.sizeBytes,
});

export async function requesterView(session: RequesterSession, now: Date = new Date()): Promise<RequesterView> {
  const r = await prisma.request.findUnique({
    where: { id: session.requestId },
    include: {
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, holder: true, review: true } },
      messages: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, author: true, body: true, createdAt: true, attachments: { select: fileSelect } },
      },
      notices: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, subject: true, createdAt: true, fileId: true },
      },
      package: { include: { files: { include: { file: { select: fileSelect } } } } },
    },
  });
  if (!r || r.anonymisedAt) throw new AppError("NOT_FOUND", "request");
  const open = isOpen(r.status);
  const words = statusWords(r.status);
  const targetAt = open ? dueAtFor(r, now) : r.dueAt;
  const pkg = r.package;
  const published = Boolean(pkg?.publishedAt);
  const available = published && pkg?.deliveryMethod === "ELECTRONIC" && (!pkg.expiresAt || pkg.expiresAt > now);
  const verifiedAt = session.downloadVerifiedAt?.getTime() ?? 0;
  return {
    reference: r.reference,
    type: r.type,
    status: r.status,
    statusTitleKey: words.titleKey,
    statusDescriptionKey: words.descriptionKey,
    open,
    receivedAt: r.arrivedAt,
    targetAt,
    targetDate: targetAt ? jstDate(targetAt) : null,
    paused: Boolean(r.pausedAt),
    identity: r.identity,
    fee: { status: r.fee, amount: r.feeAmount, taxAmount: r.feeTaxAmount, transferReference: r.transferReference },
    needs: requesterNeeds({
      ...r,
      documentsByPost: documentsByPostOf(r.details),
      messageAuthors: r.messages.map((m) => m.author),
    }),
    documents: r.documents,
    messages: r.messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body,
      createdAt: m.createdAt,
      attachments: m.attachments.filter((f) => !f.deletedAt).map(fileOut),
    })),
    notices: r.notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      subject: n.subject,
      createdAt: n.createdAt,
      hasPdf: Boolean(n.fileId),
    })),
    package: pkg
      ? {
          deliveryMethod: pkg.deliveryMethod,
          published,
          expiresAt: pkg.expiresAt,
          available,
          downloadVerified: available && now.getTime() - verifiedAt < DOWNLOAD_VERIFICATION_TTL_MS,
          files: published ? pkg.files.filter((f) => !f.file.deletedAt).map((f) => fileOut(f.file)) : [],
        }
      : null,
    canWithdraw: open,
    canMessage: r.status !== "WITHDRAWN" && r.status !== "ABANDONED",
  };
}
