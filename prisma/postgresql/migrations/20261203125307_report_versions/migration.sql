-- CreateEnum
CREATE TYPE "ReportVisibility" AS ENUM ('public', 'partners');

-- AlterTable
ALTER TABLE "Report" DROP COLUMN "snapshot",
ADD COLUMN     "layout" JSONB,
ADD COLUMN     "photoCredits" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "summaryEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "visibility" "ReportVisibility" NOT NULL DEFAULT 'public';

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_version_key" ON "ReportVersion"("reportId", "version");

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Publishing raises the version of the cached /verslagen pages (app/server/public-cache.ts), like Report does.
CREATE CONSTRAINT TRIGGER "public_version_ReportVersion" AFTER INSERT OR UPDATE OR DELETE ON "ReportVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
