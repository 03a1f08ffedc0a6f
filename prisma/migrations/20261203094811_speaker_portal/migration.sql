-- CreateTable
CREATE TABLE "SpeakerInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpeakerInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerInvitation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "room" TEXT NOT NULL DEFAULT '',
    "order" INTEGER NOT NULL DEFAULT 0,
    "icsUid" TEXT NOT NULL,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("createdAt", "description", "endsAt", "eventId", "icsUid", "id", "kind", "order", "room", "startsAt", "title", "updatedAt") SELECT "createdAt", "description", "endsAt", "eventId", "icsUid", "id", "kind", "order", "room", "startsAt", "title", "updatedAt" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE UNIQUE INDEX "AgendaItem_icsUid_key" ON "AgendaItem"("icsUid");
CREATE INDEX "AgendaItem_eventId_order_idx" ON "AgendaItem"("eventId", "order");
CREATE TABLE "new_Participation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendaItemId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'speaker',
    "order" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "respondedAt" DATETIME,
    "responseMessage" TEXT NOT NULL DEFAULT '',
    "calendarSequence" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Participation_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Participation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Participation" ("agendaItemId", "createdAt", "id", "order", "respondedAt", "role", "speakerId", "status") SELECT "agendaItemId", "createdAt", "id", "order", "respondedAt", "role", "speakerId", "status" FROM "Participation";
DROP TABLE "Participation";
ALTER TABLE "new_Participation" RENAME TO "Participation";
CREATE INDEX "Participation_speakerId_idx" ON "Participation"("speakerId");
CREATE UNIQUE INDEX "Participation_agendaItemId_speakerId_key" ON "Participation"("agendaItemId", "speakerId");
CREATE TABLE "new_Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "embargoUntil" DATETIME,
    "authorisedVersionId" TEXT,
    "authorisedAt" DATETIME,
    "authorisedBy" TEXT,
    "authorisedLinkId" TEXT,
    "proposedVersionId" TEXT,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "prompt" TEXT NOT NULL DEFAULT '',
    "deadline" DATETIME,
    "reminderDaysBefore" INTEGER,
    "requestedAt" DATETIME,
    "remindedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "withdrawnBy" TEXT,
    "withdrawalRequestedAt" DATETIME,
    "order" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Statement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Statement_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Statement_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Statement_authorisedVersionId_fkey" FOREIGN KEY ("authorisedVersionId") REFERENCES "StatementVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("agendaItemId", "authorisedAt", "authorisedBy", "authorisedVersionId", "createdAt", "embargoUntil", "eventId", "id", "order", "speakerId", "status", "updatedAt") SELECT "agendaItemId", "authorisedAt", "authorisedBy", "authorisedVersionId", "createdAt", "embargoUntil", "eventId", "id", "order", "speakerId", "status", "updatedAt" FROM "Statement";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE UNIQUE INDEX "Statement_authorisedVersionId_key" ON "Statement"("authorisedVersionId");
CREATE INDEX "Statement_eventId_status_idx" ON "Statement"("eventId", "status");
CREATE INDEX "Statement_speakerId_idx" ON "Statement"("speakerId");
CREATE TABLE "new_PersonalLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "eventId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "delegate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_PersonalLink" ("createdAt", "eventId", "expiresAt", "id", "kind", "lastUsedAt", "revokedAt", "subjectId", "tokenHash") SELECT "createdAt", "eventId", "expiresAt", "id", "kind", "lastUsedAt", "revokedAt", "subjectId", "tokenHash" FROM "PersonalLink";
DROP TABLE "PersonalLink";
ALTER TABLE "new_PersonalLink" RENAME TO "PersonalLink";
CREATE UNIQUE INDEX "PersonalLink_tokenHash_key" ON "PersonalLink"("tokenHash");
CREATE INDEX "PersonalLink_kind_subjectId_idx" ON "PersonalLink"("kind", "subjectId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerInvitation_eventId_speakerId_key" ON "SpeakerInvitation"("eventId", "speakerId");
