-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "icsSequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "calendarSequence" INTEGER,
ADD COLUMN     "responseMessage" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "authorisedLinkId" TEXT,
ADD COLUMN     "deadline" TIMESTAMP(3),
ADD COLUMN     "prompt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "proposedVersionId" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "reminderDaysBefore" INTEGER,
ADD COLUMN     "requestedAt" TIMESTAMP(3),
ADD COLUMN     "reviewComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "withdrawalRequestedAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnBy" TEXT;

-- AlterTable
ALTER TABLE "PersonalLink" ADD COLUMN     "delegate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SpeakerInvitation" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerInvitation_eventId_speakerId_key" ON "SpeakerInvitation"("eventId", "speakerId");

-- AddForeignKey
ALTER TABLE "SpeakerInvitation" ADD CONSTRAINT "SpeakerInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerInvitation" ADD CONSTRAINT "SpeakerInvitation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;
