-- CreateTable
CREATE TABLE "MailMerge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "toName" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'nl',
    "subject" TEXT NOT NULL,
    "html" TEXT,
    "text" TEXT,
    "attachments" JSONB,
    "icsMethod" TEXT,
    "icsContent" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "serverResponse" TEXT,
    "messageId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "batchId" TEXT,
    "mergeId" TEXT,
    "mergeValues" JSONB,
    "eventId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "purgedAt" DATETIME,
    CONSTRAINT "OutboxMessage_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MailBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_mergeId_fkey" FOREIGN KEY ("mergeId") REFERENCES "MailMerge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attachments", "attempts", "batchId", "createdAt", "eventId", "html", "icsContent", "icsMethod", "id", "idempotencyKey", "kind", "language", "lastError", "leaseUntil", "lockedBy", "messageId", "nextAttemptAt", "purgedAt", "sentAt", "serverResponse", "status", "subject", "text", "to", "toName", "updatedAt") SELECT "attachments", "attempts", "batchId", "createdAt", "eventId", "html", "icsContent", "icsMethod", "id", "idempotencyKey", "kind", "language", "lastError", "leaseUntil", "lockedBy", "messageId", "nextAttemptAt", "purgedAt", "sentAt", "serverResponse", "status", "subject", "text", "to", "toName", "updatedAt" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_batchId_status_idx" ON "OutboxMessage"("batchId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
