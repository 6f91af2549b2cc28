-- Mirror NetworkPolicies and the workloads that own pods (issue 17): reachability needs
-- every policy and each pod's owner chain up to its top workload.

-- AlterEnum (new values are not used in this migration, so it may run in a transaction)
ALTER TYPE "ResourceKind" ADD VALUE 'NETWORK_POLICY';
ALTER TYPE "ResourceKind" ADD VALUE 'DEPLOYMENT';
ALTER TYPE "ResourceKind" ADD VALUE 'REPLICA_SET';
ALTER TYPE "ResourceKind" ADD VALUE 'STATEFUL_SET';
ALTER TYPE "ResourceKind" ADD VALUE 'DAEMON_SET';
ALTER TYPE "ResourceKind" ADD VALUE 'JOB';
ALTER TYPE "ResourceKind" ADD VALUE 'CRON_JOB';
ALTER TYPE "ResourceKind" ADD VALUE 'REPLICATION_CONTROLLER';

-- CreateEnum
CREATE TYPE "WorkloadKind" AS ENUM ('Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController');

-- AlterTable: the pod's controller owner uid starts the owner chain.
ALTER TABLE "Pod" ADD COLUMN "ownerUid" TEXT;
-- Owned pods mirrored before this column existed must be written again to get it: the list
-- every sync loop starts with skips rows whose uid and resourceVersion are unchanged, so
-- forget their resourceVersion (no object has an empty one).
UPDATE "Pod" SET "resourceVersion" = '' WHERE "ownerKind" IS NOT NULL;

-- CreateTable
CREATE TABLE "NetworkPolicy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "podSelector" JSONB NOT NULL,
    "policyTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ingress" JSONB NOT NULL DEFAULT '[]',
    "egress" JSONB NOT NULL DEFAULT '[]',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workload" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "kind" "WorkloadKind" NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "ownerKind" TEXT,
    "ownerName" TEXT,
    "ownerUid" TEXT,
    "selector" JSONB,
    "templateLabels" JSONB NOT NULL DEFAULT '{}',
    "replicas" INTEGER,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NetworkPolicy_clusterId_namespace_name_key" ON "NetworkPolicy"("clusterId", "namespace", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Workload_clusterId_kind_namespace_name_key" ON "Workload"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "Workload_clusterId_uid_idx" ON "Workload"("clusterId", "uid");

-- AddForeignKey
ALTER TABLE "NetworkPolicy" ADD CONSTRAINT "NetworkPolicy_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
