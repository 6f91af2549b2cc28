-- Reachability (issue 17): pods with hostNetwork are outside NetworkPolicy.
-- AlterTable
ALTER TABLE "Pod" ADD COLUMN "hostNetwork" BOOLEAN NOT NULL DEFAULT false;
-- Pods mirrored before this column existed must be written again to get it: the list every
-- sync loop starts with skips rows whose uid and resourceVersion are unchanged, so forget
-- their resourceVersion (no object has an empty one).
UPDATE "Pod" SET "resourceVersion" = '';
