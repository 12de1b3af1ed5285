-- Issue 14: connected databases. A third handling kind for systems of record, the sealed
-- connection and dataset map, collections per request and system (rows sealed), exclusions
-- on Art 6.1 grounds, and change plans (correction, erasure, suspension) with approval.

-- CreateEnum
CREATE TYPE "CollectionStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "ChangePlanKind" AS ENUM ('CORRECTION', 'ERASURE', 'SUSPENSION');

-- CreateEnum
CREATE TYPE "ChangePlanState" AS ENUM ('PENDING_APPROVAL', 'APPROVED', 'EXECUTED', 'FAILED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "TaskAction" ADD VALUE 'COLLECT';

-- AlterEnum
ALTER TYPE "TaskHandling" ADD VALUE 'CONNECTED';

-- CreateTable
CREATE TABLE "ConnectedSystem" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "dialect" TEXT NOT NULL,
    "readUrlSealed" TEXT,
    "writeUrlSealed" TEXT,
    "target" TEXT,
    "mapYaml" TEXT,
    "mapSha256" TEXT,
    "mapUpdatedAt" TIMESTAMP(3),
    "lastCheck" JSONB,
    "lastCheckOk" BOOLEAN,
    "lastCheckAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectedSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "status" "CollectionStatus" NOT NULL DEFAULT 'PENDING',
    "failureCode" TEXT,
    "failureReason" TEXT,
    "matchedBy" TEXT[],
    "tableCount" INTEGER NOT NULL DEFAULT 0,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "resultSealed" TEXT,
    "resultSha256" TEXT,
    "fallbackTaskId" TEXT,
    "superseded" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionExclusion" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "rowKey" JSONB NOT NULL,
    "column" TEXT,
    "ground" "WithholdingGround" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionExclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangePlan" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "taskId" TEXT,
    "kind" "ChangePlanKind" NOT NULL,
    "state" "ChangePlanState" NOT NULL DEFAULT 'PENDING_APPROVAL',
    "planSealed" TEXT NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "executedById" TEXT,
    "executedAt" TIMESTAMP(3),
    "result" JSONB,
    "verified" BOOLEAN,
    "failureCode" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangePlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedSystem_systemId_key" ON "ConnectedSystem"("systemId");

-- CreateIndex
CREATE INDEX "Collection_requestId_systemId_idx" ON "Collection"("requestId", "systemId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionExclusion_collectionId_table_rowKey_column_key" ON "CollectionExclusion"("collectionId", "table", "rowKey", "column");

-- CreateIndex
CREATE INDEX "ChangePlan_requestId_idx" ON "ChangePlan"("requestId");

-- AddForeignKey
ALTER TABLE "ConnectedSystem" ADD CONSTRAINT "ConnectedSystem_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionExclusion" ADD CONSTRAINT "CollectionExclusion_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangePlan" ADD CONSTRAINT "ChangePlan_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangePlan" ADD CONSTRAINT "ChangePlan_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "SystemOfRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

