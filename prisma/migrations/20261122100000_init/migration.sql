-- CreateEnum
CREATE TYPE "ClusterAuthKind" AS ENUM ('KUBECONFIG', 'TOKEN', 'IN_CLUSTER');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('NAMESPACE', 'NODE', 'POD', 'SERVICE', 'ENDPOINT_SLICE', 'INGRESS');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('PENDING', 'SYNCING', 'READY', 'DEGRADED', 'ERROR', 'PAUSED');

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');

-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "authKind" "ClusterAuthKind" NOT NULL,
    "credentials" BYTEA NOT NULL,
    "context" TEXT,
    "clusterDomain" TEXT NOT NULL DEFAULT 'cluster.local',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterSyncState" (
    "clusterId" UUID NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'PENDING',
    "resourceVersion" TEXT,
    "lastListAt" TIMESTAMPTZ(3),
    "lastEventAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "relists" INTEGER NOT NULL DEFAULT 0,
    "restarts" INTEGER NOT NULL DEFAULT 0,
    "lagSeconds" DOUBLE PRECISION,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterSyncState_pkey" PRIMARY KEY ("clusterId","kind")
);

-- CreateTable
CREATE TABLE "ClusterLease" (
    "clusterId" UUID NOT NULL,
    "holder" TEXT NOT NULL,
    "acquiredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "renewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClusterLease_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "Namespace" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "phase" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Namespace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Node" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "addresses" JSONB NOT NULL DEFAULT '[]',
    "internalIp" TEXT,
    "externalIp" TEXT,
    "hostname" TEXT,
    "zone" TEXT,
    "region" TEXT,
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "unschedulable" BOOLEAN NOT NULL DEFAULT false,
    "podCidr" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pod" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "podIp" TEXT,
    "podIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hostIp" TEXT,
    "nodeName" TEXT,
    "phase" TEXT,
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "terminating" BOOLEAN NOT NULL DEFAULT false,
    "hostname" TEXT,
    "subdomain" TEXT,
    "ownerKind" TEXT,
    "ownerName" TEXT,
    "containerPorts" JSONB NOT NULL DEFAULT '[]',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "type" "ServiceType" NOT NULL,
    "headless" BOOLEAN NOT NULL DEFAULT false,
    "clusterIp" TEXT,
    "clusterIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "externalIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "externalName" TEXT,
    "selector" JSONB,
    "sessionAffinity" TEXT,
    "externalTrafficPolicy" TEXT,
    "internalTrafficPolicy" TEXT,
    "publishNotReadyAddresses" BOOLEAN NOT NULL DEFAULT false,
    "loadBalancerClass" TEXT,
    "loadBalancerIngress" JSONB NOT NULL DEFAULT '[]',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePort" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "serviceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "protocol" TEXT NOT NULL DEFAULT 'TCP',
    "port" INTEGER NOT NULL,
    "targetPort" TEXT NOT NULL,
    "nodePort" INTEGER,
    "appProtocol" TEXT,

    CONSTRAINT "ServicePort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndpointSlice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "serviceName" TEXT,
    "addressType" TEXT NOT NULL,
    "ports" JSONB NOT NULL DEFAULT '[]',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndpointSlice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sliceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "addresses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ready" BOOLEAN NOT NULL,
    "serving" BOOLEAN NOT NULL,
    "terminating" BOOLEAN NOT NULL,
    "hostname" TEXT,
    "nodeName" TEXT,
    "zone" TEXT,
    "targetKind" TEXT,
    "targetName" TEXT,
    "targetUid" TEXT,

    CONSTRAINT "Endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ingress" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "ingressClassName" TEXT,
    "defaultBackend" JSONB,
    "loadBalancerIngress" JSONB NOT NULL DEFAULT '[]',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" TEXT NOT NULL,
    "k8sCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ingress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngressRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ingressId" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "host" TEXT,
    "path" TEXT,
    "pathType" TEXT,
    "backendService" TEXT,
    "backendPortNumber" INTEGER,
    "backendPortName" TEXT,
    "backendResource" JSONB,

    CONSTRAINT "IngressRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngressTls" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ingressId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "hosts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "secretName" TEXT,

    CONSTRAINT "IngressTls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdBy" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenId" UUID NOT NULL,
    "clusterId" UUID,
    "namespacePattern" TEXT NOT NULL DEFAULT '*',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "cluster" TEXT,
    "namespace" TEXT,
    "name" TEXT,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT NOT NULL,
    "errorCode" TEXT,
    "diff" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "ClusterLease_expiresAt_idx" ON "ClusterLease"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Namespace_clusterId_name_key" ON "Namespace"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Node_clusterId_name_key" ON "Node"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Pod_clusterId_namespace_name_key" ON "Pod"("clusterId", "namespace", "name");

-- CreateIndex
CREATE INDEX "Pod_clusterId_nodeName_idx" ON "Pod"("clusterId", "nodeName");

-- CreateIndex
CREATE INDEX "Pod_labels_idx" ON "Pod" USING GIN ("labels" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Service_clusterId_namespace_name_key" ON "Service"("clusterId", "namespace", "name");

-- CreateIndex
CREATE INDEX "Service_namespace_name_idx" ON "Service"("namespace", "name");

-- CreateIndex
CREATE INDEX "Service_name_idx" ON "Service"("name");

-- CreateIndex
CREATE INDEX "Service_type_idx" ON "Service"("type");

-- CreateIndex
CREATE INDEX "Service_labels_idx" ON "Service" USING GIN ("labels" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "ServicePort_serviceId_position_key" ON "ServicePort"("serviceId", "position");

-- CreateIndex
CREATE INDEX "ServicePort_nodePort_idx" ON "ServicePort"("nodePort");

-- CreateIndex
CREATE UNIQUE INDEX "EndpointSlice_clusterId_namespace_name_key" ON "EndpointSlice"("clusterId", "namespace", "name");

-- CreateIndex
CREATE INDEX "EndpointSlice_clusterId_namespace_serviceName_idx" ON "EndpointSlice"("clusterId", "namespace", "serviceName");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_sliceId_position_key" ON "Endpoint"("sliceId", "position");

-- CreateIndex
CREATE INDEX "Endpoint_targetName_idx" ON "Endpoint"("targetName");

-- CreateIndex
CREATE UNIQUE INDEX "Ingress_clusterId_namespace_name_key" ON "Ingress"("clusterId", "namespace", "name");

-- CreateIndex
CREATE INDEX "Ingress_namespace_name_idx" ON "Ingress"("namespace", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IngressRule_ingressId_position_key" ON "IngressRule"("ingressId", "position");

-- CreateIndex
CREATE INDEX "IngressRule_host_idx" ON "IngressRule"("host");

-- CreateIndex
CREATE INDEX "IngressRule_clusterId_namespace_backendService_idx" ON "IngressRule"("clusterId", "namespace", "backendService");

-- CreateIndex
CREATE UNIQUE INDEX "IngressTls_ingressId_position_key" ON "IngressTls"("ingressId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Grant_tokenId_idx" ON "Grant"("tokenId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_cluster_namespace_name_idx" ON "AuditEvent"("cluster", "namespace", "name");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- AddForeignKey
ALTER TABLE "ClusterSyncState" ADD CONSTRAINT "ClusterSyncState_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterLease" ADD CONSTRAINT "ClusterLease_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Namespace" ADD CONSTRAINT "Namespace_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Node" ADD CONSTRAINT "Node_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pod" ADD CONSTRAINT "Pod_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePort" ADD CONSTRAINT "ServicePort_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndpointSlice" ADD CONSTRAINT "EndpointSlice_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_sliceId_fkey" FOREIGN KEY ("sliceId") REFERENCES "EndpointSlice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ingress" ADD CONSTRAINT "Ingress_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngressRule" ADD CONSTRAINT "IngressRule_ingressId_fkey" FOREIGN KEY ("ingressId") REFERENCES "Ingress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngressTls" ADD CONSTRAINT "IngressTls_ingressId_fkey" FOREIGN KEY ("ingressId") REFERENCES "Ingress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

