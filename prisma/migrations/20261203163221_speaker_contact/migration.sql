-- AlterTable
ALTER TABLE "Event" ADD COLUMN "speakerArrivalMins" INTEGER;
ALTER TABLE "Event" ADD COLUMN "speakerContactName" TEXT;
ALTER TABLE "Event" ADD COLUMN "speakerContactPhone" TEXT;
