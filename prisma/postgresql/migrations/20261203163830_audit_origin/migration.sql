-- DropIndex
DROP INDEX "AuditEntry_at_idx";

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorUserId_at_id_idx" ON "AuditEntry"("actorUserId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorLabel_at_id_idx" ON "AuditEntry"("actorLabel", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_id_idx" ON "AuditEntry"("action", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_at_id_idx" ON "AuditEntry"("entity", "at", "id");
