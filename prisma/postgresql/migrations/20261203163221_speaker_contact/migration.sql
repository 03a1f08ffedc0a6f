-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "speakerArrivalMins" INTEGER,
ADD COLUMN     "speakerContactName" TEXT,
ADD COLUMN     "speakerContactPhone" TEXT;
