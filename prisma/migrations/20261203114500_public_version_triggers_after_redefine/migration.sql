-- SQLite rebuilds a table to add columns (new_X, copy, DROP, RENAME), and the DROP takes its triggers with it:
-- the speaker_portal migration rebuilt AgendaItem and Participation after public_content_version had given them
-- their triggers. Put them back, so that a change to the agenda or its speakers again raises the public version.
DROP TRIGGER IF EXISTS "public_version_AgendaItem_insert";
CREATE TRIGGER "public_version_AgendaItem_insert" AFTER INSERT ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_AgendaItem_update";
CREATE TRIGGER "public_version_AgendaItem_update" AFTER UPDATE ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_AgendaItem_delete";
CREATE TRIGGER "public_version_AgendaItem_delete" AFTER DELETE ON "AgendaItem"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_Participation_insert";
CREATE TRIGGER "public_version_Participation_insert" AFTER INSERT ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_Participation_update";
CREATE TRIGGER "public_version_Participation_update" AFTER UPDATE ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
DROP TRIGGER IF EXISTS "public_version_Participation_delete";
CREATE TRIGGER "public_version_Participation_delete" AFTER DELETE ON "Participation"
BEGIN UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
