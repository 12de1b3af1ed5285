import { registerJob } from "@/lib/jobs/registry";
import { purgeExpiredDrafts } from "@/lib/uploads/draft-uploads";
import { purgeStaleRateLimits } from "@/lib/server/rate-limit";
import { purgeOldCodes } from "@/lib/codes/one-time-code";
import { purgeExpiredRequesterSessions } from "@/lib/requester/requester-session";
import { purgeStaleSignInThrottles } from "@/lib/staff/sign-in-throttle";
import { attachNoticeTextPdf, NOTICE_PDF_JOB } from "./notice-text-pdf";

// Housekeeping for the requester portal, run by the job worker (lib/jobs/handlers.ts
// imports this file): unsubmitted wizard uploads after 24 hours, spent one-time codes and requester sessions,
// old rate-limit windows and sign-in throttle counters; and the PDF copy of the portal's notices.

registerJob(
  "portal.purge-expired-drafts",
  async (_payload, { prisma }) => {
    await purgeExpiredDrafts({ db: prisma });
  },
  { everyMinutes: 60 },
);

registerJob(
  "portal.purge-stale-rate-limits",
  async (_payload, { prisma }) => {
    await purgeStaleRateLimits({ db: prisma });
    await purgeOldCodes({ db: prisma });
    await purgeExpiredRequesterSessions({ db: prisma });
    await purgeStaleSignInThrottles({ db: prisma });
  },
  { everyMinutes: 360 },
);

registerJob(NOTICE_PDF_JOB, attachNoticeTextPdf);
