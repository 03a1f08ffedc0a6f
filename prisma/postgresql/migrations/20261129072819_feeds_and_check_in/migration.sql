-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PersonalLinkKind" ADD VALUE 'registration_feed';
ALTER TYPE "PersonalLinkKind" ADD VALUE 'speaker_feed';

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "checkInCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Registration_checkInCode_key" ON "Registration"("checkInCode");
