-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "JobLock" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "leaseUntil" DATETIME NOT NULL,
    "holder" TEXT,
    "lastDay" TEXT,
    "lastRunAt" DATETIME
);
