-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "parts" JSONB;
