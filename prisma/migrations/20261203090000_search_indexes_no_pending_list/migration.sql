-- The catalog's trigram indexes without GIN's pending list: with fastupdate on, rows
-- written since the last vacuum sit in an unsorted list that every search scans whole
-- (up to gin_pending_list_limit, 4 MB per index), which right after a cluster's initial
-- sync made each search slower than the rest of its statement. Writes now go straight
-- into the index; services change their names, namespaces and labels rarely.
-- Expression indexes cannot be declared in schema.prisma: they live here only.
ALTER INDEX "Service_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Service_namespace_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Service_labels_text_trgm_idx" SET (fastupdate = off);
ALTER INDEX "IngressRule_host_trgm_idx" SET (fastupdate = off);
-- What the pending lists already hold goes into the indexes now.
SELECT gin_clean_pending_list('"Service_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"Service_namespace_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"Service_labels_text_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"IngressRule_host_trgm_idx"'::regclass);
