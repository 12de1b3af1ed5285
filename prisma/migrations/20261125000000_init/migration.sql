-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('DISCLOSURE', 'CORRECTION', 'SUSPENSION', 'THIRD_PARTY_STOP', 'PURPOSE_NOTICE', 'INQUIRY', 'COMPLAINT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED', 'CLOSED', 'WITHDRAWN', 'ABANDONED');

-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('NOT_REQUIRED', 'PENDING', 'VERIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "FeeStatus" AS ENUM ('NOT_REQUIRED', 'AWAITING_PAYMENT', 'PAID', 'WAIVED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('FULFILLED', 'PARTIALLY_FULFILLED', 'NOT_FULFILLED', 'NO_DATA_HELD', 'ALTERNATIVE_MEASURE');

-- CreateEnum
CREATE TYPE "WithholdingGround" AS ENUM ('IDENTITY_UNCONFIRMED', 'HARM_TO_LIFE_OR_RIGHTS', 'BUSINESS_IMPEDIMENT', 'LEGAL_VIOLATION', 'INFORMATION_ACCURATE', 'INVESTIGATION_FINDING');

-- CreateEnum
CREATE TYPE "RequesterKind" AS ENUM ('SELF', 'LEGAL_REPRESENTATIVE', 'APPOINTED_AGENT');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('SERVICE_USER', 'SITE_VISITOR', 'INQUIRER', 'JOB_APPLICANT', 'EMPLOYEE', 'BUSINESS_PARTNER');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'POST', 'EMAIL', 'PHONE', 'COUNTER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'en');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('DRIVERS_LICENSE', 'PASSPORT', 'MY_NUMBER_CARD', 'RESIDENCE_CARD', 'HEALTH_INSURANCE_CARD', 'RESIDENT_RECORD', 'OTHER_ID', 'POWER_OF_ATTORNEY', 'SEAL_CERTIFICATE', 'FAMILY_REGISTER', 'GUARDIANSHIP_CERTIFICATE');

-- CreateEnum
CREATE TYPE "DocumentHolder" AS ENUM ('SUBJECT', 'AGENT');

-- CreateEnum
CREATE TYPE "DocumentReview" AS ENUM ('UNREVIEWED', 'ACCEPTED', 'UNMASKED', 'UNCLEAR', 'REJECTED');

-- CreateEnum
CREATE TYPE "FileRole" AS ENUM ('IDENTITY_DOCUMENT', 'MESSAGE_ATTACHMENT', 'DISCLOSURE_FILE', 'NOTICE_PDF', 'RECEIPT_PDF', 'SCAN');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "TaskAction" AS ENUM ('CORRECT', 'ADD', 'DELETE', 'SUSPEND_USE', 'STOP_THIRD_PARTY', 'ALTERNATIVE_MEASURE');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'FAILED', 'EXPLAINED');

-- CreateEnum
CREATE TYPE "TaskHandling" AS ENUM ('MANUAL', 'API');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('ACKNOWLEDGEMENT', 'INFORMATION_NEEDED', 'PAYMENT_REQUEST', 'PAYMENT_RECEIVED', 'PAYMENT_REMINDER', 'DECISION', 'PACKAGE_PUBLISHED', 'COMPLETION', 'ALTERNATIVE_MEASURE', 'WITHDRAWAL', 'ABANDONMENT_WARNING', 'ABANDONMENT', 'MESSAGE');

-- CreateEnum
CREATE TYPE "NoticeChannel" AS ENUM ('EMAIL', 'POST');

-- CreateEnum
CREATE TYPE "DeliveryMethod" AS ENUM ('ELECTRONIC', 'POST', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'STRIPE', 'POSTAL_MONEY_ORDER', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "BankLineStatus" AS ENUM ('APPLIED', 'AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'ALREADY_SETTLED', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "CodePurpose" AS ENUM ('EMAIL_CONFIRMATION', 'STATUS_ACCESS', 'PACKAGE_DOWNLOAD');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'REQUESTER', 'SYSTEM', 'API_TOKEN');

-- CreateEnum
CREATE TYPE "ProvisionBasis" AS ENUM ('CONSENT', 'LIFE_OR_PROPERTY', 'PUBLIC_HEALTH', 'AUTHORITY_COOPERATION', 'OUTSOURCING', 'BUSINESS_SUCCESSION', 'JOINT_USE', 'LAW');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('REQUESTER', 'STAFF', 'SYSTEM');

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemOfRecord" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "categories" INTEGER[],
    "handling" "TaskHandling" NOT NULL DEFAULT 'MANUAL',
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemOfRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'STAFF',
    "passwordHash" TEXT,
    "totpSecret" TEXT,
    "totpEnrolledAt" TIMESTAMP(3),
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" "Locale" NOT NULL DEFAULT 'ja',
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "inviteTokenHash" TEXT,
    "inviteExpiresAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInChallenge" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "pendingSecret" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "identity" "IdentityStatus" NOT NULL,
    "fee" "FeeStatus" NOT NULL,
    "outcome" "Outcome",
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "locale" "Locale" NOT NULL DEFAULT 'ja',
    "requesterKind" "RequesterKind" NOT NULL DEFAULT 'SELF',
    "arrivedAt" TIMESTAMP(3) NOT NULL,
    "targetDays" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "pausedMs" BIGINT NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "assigneeId" TEXT,
    "policyVersionId" TEXT,
    "subjectName" TEXT NOT NULL,
    "subjectNameKana" TEXT,
    "subjectBirthDate" DATE,
    "postalCode" TEXT,
    "prefecture" TEXT,
    "city" TEXT,
    "addressLine" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "phone" TEXT,
    "customerId" TEXT,
    "relationship" "Relationship",
    "agentName" TEXT,
    "agentNameKana" TEXT,
    "agentEmail" TEXT,
    "agentPhone" TEXT,
    "agentAddress" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "feeAmount" INTEGER NOT NULL DEFAULT 0,
    "feeTaxAmount" INTEGER NOT NULL DEFAULT 0,
    "feeTaxRatePct" INTEGER NOT NULL DEFAULT 10,
    "transferReference" TEXT,
    "feeWaiverReason" TEXT,
    "paymentReminderAt" TIMESTAMP(3),
    "statusTokenHash" TEXT,
    "idempotencyKey" TEXT,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "decidedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "abandonedAt" TIMESTAMP(3),
    "documentsPurgedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "role" "FileRole" NOT NULL,
    "requestId" TEXT,
    "draftKeyHash" TEXT,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "messageId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "holder" "DocumentHolder" NOT NULL DEFAULT 'SUBJECT',
    "review" "DocumentReview" NOT NULL DEFAULT 'UNREVIEWED',
    "reviewNote" TEXT,
    "issuedOn" DATE,
    "sentByPost" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityCheck" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "holder" "DocumentHolder" NOT NULL DEFAULT 'SUBJECT',
    "result" "IdentityStatus" NOT NULL,
    "matchedRecord" TEXT,
    "matchedSystemId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "payerName" TEXT,
    "stripeCheckoutId" TEXT,
    "stripePaymentIntentId" TEXT,
    "bankLineId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "stripeRefundId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "reissueOf" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatementImport" (
    "id" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatementLine" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "lineHash" TEXT NOT NULL,
    "bookedOn" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "payerName" TEXT NOT NULL,
    "reference" TEXT,
    "status" "BankLineStatus" NOT NULL,
    "requestId" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "BankStatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "explanation" TEXT NOT NULL,
    "internalNote" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "decidedById" TEXT NOT NULL,
    "approval" "ApprovalState" NOT NULL DEFAULT 'NOT_REQUIRED',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "officerComment" TEXT,
    "superseded" BOOLEAN NOT NULL DEFAULT false,
    "noticeSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionGround" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "ground" "WithholdingGround" NOT NULL,
    "explanation" TEXT NOT NULL,

    CONSTRAINT "DecisionGround_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "action" "TaskAction" NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "instructions" TEXT NOT NULL,
    "categories" INTEGER[],
    "resultNote" TEXT,
    "completedById" TEXT,
    "completedByTokenId" TEXT,
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosurePackage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "deliveryMethod" "DeliveryMethod" NOT NULL,
    "includesProvisionRecords" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "expiresAt" TIMESTAMP(3),
    "postedOn" DATE,
    "trackingNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosurePackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackageFile" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackageFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DownloadRecord" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DownloadRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "locale" "Locale" NOT NULL,
    "channel" "NoticeChannel" NOT NULL DEFAULT 'EMAIL',
    "subject" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "fileId" TEXT,
    "outboxId" TEXT,
    "sentById" TEXT,
    "postedOn" DATE,
    "trackingNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "staffId" TEXT,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" TEXT NOT NULL,
    "purpose" "CodePurpose" NOT NULL,
    "emailHash" TEXT NOT NULL,
    "requestId" TEXT,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequesterSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "downloadVerifiedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequesterSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "requestId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ThirdPartyProvision" (
    "id" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientAddress" TEXT,
    "providedOn" DATE NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectNameKana" TEXT,
    "subjectBirthDate" DATE,
    "customerId" TEXT,
    "categories" INTEGER[],
    "items" TEXT NOT NULL,
    "basis" "ProvisionBasis" NOT NULL,
    "consentDate" DATE,
    "contractIsRecord" BOOLEAN NOT NULL DEFAULT false,
    "retainUntil" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThirdPartyProvision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapturedMail" (
    "id" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapturedMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "uniqueKey" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_version_key" ON "PolicyVersion"("version");

-- CreateIndex
CREATE UNIQUE INDEX "SystemOfRecord_key_key" ON "SystemOfRecord"("key");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_inviteTokenHash_key" ON "StaffUser"("inviteTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SignInChallenge_tokenHash_key" ON "SignInChallenge"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Request_reference_key" ON "Request"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Request_transferReference_key" ON "Request"("transferReference");

-- CreateIndex
CREATE UNIQUE INDEX "Request_statusTokenHash_key" ON "Request"("statusTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Request_idempotencyKey_key" ON "Request"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Request_status_dueAt_idx" ON "Request"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Request_assigneeId_status_dueAt_idx" ON "Request"("assigneeId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Request_dueAt_idx" ON "Request"("dueAt");

-- CreateIndex
CREATE INDEX "Request_emailNormalized_idx" ON "Request"("emailNormalized");

-- CreateIndex
CREATE INDEX "Request_subjectNameKana_idx" ON "Request"("subjectNameKana");

-- CreateIndex
CREATE INDEX "Request_subjectName_idx" ON "Request"("subjectName");

-- CreateIndex
CREATE INDEX "Request_type_status_idx" ON "Request"("type", "status");

-- CreateIndex
CREATE INDEX "Request_arrivedAt_idx" ON "Request"("arrivedAt");

-- CreateIndex
CREATE INDEX "Request_closedAt_idx" ON "Request"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_draftKeyHash_idx" ON "StoredFile"("draftKeyHash");

-- CreateIndex
CREATE INDEX "StoredFile_requestId_role_idx" ON "StoredFile"("requestId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Document_fileId_key" ON "Document"("fileId");

-- CreateIndex
CREATE INDEX "Document_requestId_idx" ON "Document"("requestId");

-- CreateIndex
CREATE INDEX "IdentityCheck_requestId_idx" ON "IdentityCheck"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeCheckoutId_key" ON "Payment"("stripeCheckoutId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripePaymentIntentId_key" ON "Payment"("stripePaymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_bankLineId_key" ON "Payment"("bankLineId");

-- CreateIndex
CREATE INDEX "Payment_requestId_idx" ON "Payment"("requestId");

-- CreateIndex
CREATE INDEX "Payment_paidOn_idx" ON "Payment"("paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_stripeRefundId_key" ON "Refund"("stripeRefundId");

-- CreateIndex
CREATE INDEX "Refund_requestId_idx" ON "Refund"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_number_key" ON "Receipt"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_fileId_key" ON "Receipt"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementImport_fileSha256_key" ON "BankStatementImport"("fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementLine_lineHash_key" ON "BankStatementLine"("lineHash");

-- CreateIndex
CREATE INDEX "BankStatementLine_status_idx" ON "BankStatementLine"("status");

-- CreateIndex
CREATE INDEX "Decision_requestId_idx" ON "Decision"("requestId");

-- CreateIndex
CREATE INDEX "Decision_approval_idx" ON "Decision"("approval");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionGround_decisionId_ground_key" ON "DecisionGround"("decisionId", "ground");

-- CreateIndex
CREATE INDEX "Task_systemId_status_idx" ON "Task"("systemId", "status");

-- CreateIndex
CREATE INDEX "Task_requestId_idx" ON "Task"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosurePackage_requestId_key" ON "DisclosurePackage"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "PackageFile_fileId_key" ON "PackageFile"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_fileId_key" ON "Notice"("fileId");

-- CreateIndex
CREATE INDEX "Notice_requestId_idx" ON "Notice"("requestId");

-- CreateIndex
CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "OneTimeCode_emailHash_purpose_createdAt_idx" ON "OneTimeCode"("emailHash", "purpose", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequesterSession_tokenHash_key" ON "RequesterSession"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_seq_idx" ON "AuditEvent"("requestId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "ThirdPartyProvision_subjectNameKana_idx" ON "ThirdPartyProvision"("subjectNameKana");

-- CreateIndex
CREATE INDEX "ThirdPartyProvision_subjectName_idx" ON "ThirdPartyProvision"("subjectName");

-- CreateIndex
CREATE INDEX "ThirdPartyProvision_customerId_idx" ON "ThirdPartyProvision"("customerId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_uniqueKey_key" ON "Job"("uniqueKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_key" ON "WebhookDelivery"("eventId");

-- AddForeignKey
ALTER TABLE "SignInChallenge" ADD CONSTRAINT "SignInChallenge_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_policyVersionId_fkey" FOREIGN KEY ("policyVersionId") REFERENCES "PolicyVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityCheck" ADD CONSTRAINT "IdentityCheck_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityCheck" ADD CONSTRAINT "IdentityCheck_matchedSystemId_fkey" FOREIGN KEY ("matchedSystemId") REFERENCES "SystemOfRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "BankStatementImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionGround" ADD CONSTRAINT "DecisionGround_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosurePackage" ADD CONSTRAINT "DisclosurePackage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageFile" ADD CONSTRAINT "PackageFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "DisclosurePackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageFile" ADD CONSTRAINT "PackageFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DownloadRecord" ADD CONSTRAINT "DownloadRecord_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "DisclosurePackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequesterSession" ADD CONSTRAINT "RequesterSession_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

