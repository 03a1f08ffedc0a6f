-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "checkInCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Registration_checkInCode_key" ON "Registration"("checkInCode");
