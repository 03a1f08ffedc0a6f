-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "layout" JSONB,
    "photoCredits" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("createdAt", "eventId", "id", "publishedAt", "slug", "status", "summary", "title", "updatedAt") SELECT "createdAt", "eventId", "id", "publishedAt", "slug", "status", "summary", "title", "updatedAt" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_eventId_key" ON "Report"("eventId");
CREATE UNIQUE INDEX "Report_slug_key" ON "Report"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_version_key" ON "ReportVersion"("reportId", "version");

-- The table rebuild above dropped Report's public-version triggers: put them back, and give the published
-- versions theirs, so that publishing raises the version of the cached /verslagen pages (app/server/public-cache.ts).
DROP TRIGGER IF EXISTS "public_version_Report_insert";
CREATE TRIGGER "public_version_Report_insert" AFTER INSERT ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_Report_update";
CREATE TRIGGER "public_version_Report_update" AFTER UPDATE ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_Report_delete";
CREATE TRIGGER "public_version_Report_delete" AFTER DELETE ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ReportVersion_insert" AFTER INSERT ON "ReportVersion"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ReportVersion_update" AFTER UPDATE ON "ReportVersion"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ReportVersion_delete" AFTER DELETE ON "ReportVersion"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
