-- CreateTable
CREATE TABLE "PublicContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- What the public pages show changed: the version goes up in the same transaction (app/server/public-cache.ts,
-- docs/decisions/010-public-page-cache.md). Seat counters (confirmedCount, waitlistCounter) and updatedAt alone
-- do not count: a registration changes no public page. Organisations and speakers count once they are shown,
-- which an EventHost or Participation row (itself counted) makes them.
INSERT INTO "PublicContentVersion" ("id", "version") VALUES (1, 0);
CREATE TRIGGER "public_version_Programme_insert" AFTER INSERT ON "Programme"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Programme_update" AFTER UPDATE ON "Programme"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Programme_delete" AFTER DELETE ON "Programme"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ActionLine_insert" AFTER INSERT ON "ActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ActionLine_update" AFTER UPDATE ON "ActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_ActionLine_delete" AFTER DELETE ON "ActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Organisation_update" AFTER UPDATE OF "name", "shortName" ON "Organisation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Organisation_delete" AFTER DELETE ON "Organisation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Event_insert" AFTER INSERT ON "Event"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Event_update" AFTER UPDATE OF "programmeId", "slug", "title", "subtitle", "description", "startsAt", "endsAt", "timeZone", "venueName", "venueAddress", "venuePostcode", "venueCity", "latitude", "longitude", "onlineUrl", "capacity", "registrationOpensAt", "registrationClosesAt", "visibility", "status", "language", "icsSequence" ON "Event"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Event_delete" AFTER DELETE ON "Event"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_EventHost_insert" AFTER INSERT ON "EventHost"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_EventHost_update" AFTER UPDATE ON "EventHost"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_EventHost_delete" AFTER DELETE ON "EventHost"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItem_insert" AFTER INSERT ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItem_update" AFTER UPDATE ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItem_delete" AFTER DELETE ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItemActionLine_insert" AFTER INSERT ON "AgendaItemActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItemActionLine_update" AFTER UPDATE ON "AgendaItemActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_AgendaItemActionLine_delete" AFTER DELETE ON "AgendaItemActionLine"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Speaker_update" AFTER UPDATE ON "Speaker"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Speaker_delete" AFTER DELETE ON "Speaker"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Participation_insert" AFTER INSERT ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Participation_update" AFTER UPDATE ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Participation_delete" AFTER DELETE ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Report_insert" AFTER INSERT ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Report_update" AFTER UPDATE ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "public_version_Report_delete" AFTER DELETE ON "Report"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
