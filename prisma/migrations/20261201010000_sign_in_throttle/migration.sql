-- Issue 15, items 1 and 2 (ADR 0015): staff sign-in is throttled instead of locked, and a
-- TOTP time step is accepted once per member.

-- One row per throttled subject ("pair:…", "account:…", "client:…", never a raw address or
-- email). `failures` counts admitted attempts not yet redeemed by a complete sign-in;
-- `blockedUntil` is when the next attempt is admitted; `admission` marks which attempt won
-- the row, so admission is one atomic statement however many servers share the database.
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" TIMESTAMP(3) NOT NULL,
    "admission" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "SignInThrottle_updatedAt_idx" ON "SignInThrottle"("updatedAt");

-- The newest TOTP time step (30-second counter) accepted for the member; a code of this
-- step or an older one is refused, so a code works once.
ALTER TABLE "StaffUser" ADD COLUMN "totpLastStep" INTEGER;

-- The client (a keyed hash of its address) that passed the password step, so a complete
-- sign-in redeems the attempt of that pair.
ALTER TABLE "SignInChallenge" ADD COLUMN "clientKey" TEXT;
