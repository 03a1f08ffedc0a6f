-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" JSONB,
    "origin" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEntry" ("action", "actorLabel", "actorUserId", "at", "details", "entity", "entityId", "id") SELECT "action", "actorLabel", "actorUserId", "at", "details", "entity", "entityId", "id" FROM "AuditEntry";
DROP TABLE "AuditEntry";
ALTER TABLE "new_AuditEntry" RENAME TO "AuditEntry";
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at", "id");
CREATE INDEX "AuditEntry_actorUserId_at_id_idx" ON "AuditEntry"("actorUserId", "at", "id");
CREATE INDEX "AuditEntry_actorLabel_at_id_idx" ON "AuditEntry"("actorLabel", "at", "id");
CREATE INDEX "AuditEntry_action_at_id_idx" ON "AuditEntry"("action", "at", "id");
CREATE INDEX "AuditEntry_entity_at_id_idx" ON "AuditEntry"("entity", "at", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
