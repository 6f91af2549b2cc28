-- Substring search over the catalog (services by name, namespace, labels and the
-- ingress hosts routing to them) stays fast at 100k services with trigram indexes.
-- Expression indexes cannot be declared in schema.prisma: they live here only.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Service_name_trgm_idx" ON "Service" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_namespace_trgm_idx" ON "Service" USING GIN ("namespace" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_labels_text_trgm_idx" ON "Service" USING GIN (("labels"::text) gin_trgm_ops);

-- CreateIndex
CREATE INDEX "IngressRule_host_trgm_idx" ON "IngressRule" USING GIN ("host" gin_trgm_ops);
