-- Authentication: whether a token's grants also limit what it can read, and
-- dashboard sessions (cookie secrets are stored as SHA-256 only).

-- CreateEnum
CREATE TYPE "ReadScope" AS ENUM ('ALL', 'GRANTS');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "readScope" "ReadScope" NOT NULL DEFAULT 'ALL';

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "tokenId" UUID,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "grants" JSONB NOT NULL DEFAULT '[]',
    "readScope" "ReadScope" NOT NULL DEFAULT 'ALL',
    "csrfToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_tokenId_idx" ON "AuthSession"("tokenId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
