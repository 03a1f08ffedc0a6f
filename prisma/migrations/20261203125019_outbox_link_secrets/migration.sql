-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "linkSecrets" JSONB;

-- Mails sent before this migration kept their personal links (the tokens) in the stored bodies and merge values.
-- Purge those bodies; the row stays as evidence that the mail was sent (ADR 004).
UPDATE "OutboxMessage" SET "html" = NULL, "text" = NULL, "mergeValues" = NULL, "purgedAt" = COALESCE("sentAt", "updatedAt")
 WHERE "status" = 'sent';
