-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "mergeId" TEXT,
ADD COLUMN     "mergeValues" JSONB;

-- CreateTable
CREATE TABLE "MailMerge" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "MailMerge_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_mergeId_fkey" FOREIGN KEY ("mergeId") REFERENCES "MailMerge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
