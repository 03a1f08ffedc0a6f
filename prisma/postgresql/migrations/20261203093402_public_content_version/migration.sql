-- CreateTable
CREATE TABLE "PublicContentVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PublicContentVersion_pkey" PRIMARY KEY ("id")
);

-- What the public pages show changed: the version goes up in the same transaction (app/server/public-cache.ts,
-- docs/decisions/010-public-page-cache.md). Seat counters (confirmedCount, waitlistCounter) and updatedAt alone
-- do not count: a registration changes no public page. Organisations and speakers count once they are shown,
-- which an EventHost or Participation row (itself counted) makes them.
INSERT INTO "PublicContentVersion" ("id", "version") VALUES (1, 0);
-- On PostgreSQL the triggers are deferred to the commit: the version row is then the last lock a transaction
-- takes, so two transactions that change public content cannot deadlock on it.
CREATE FUNCTION "bump_public_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "public_version_Programme" AFTER INSERT OR UPDATE OR DELETE ON "Programme"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_ActionLine" AFTER INSERT OR UPDATE OR DELETE ON "ActionLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_Organisation" AFTER UPDATE OF "name", "shortName" OR DELETE ON "Organisation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_Event" AFTER INSERT OR UPDATE OF "programmeId", "slug", "title", "subtitle", "description", "startsAt", "endsAt", "timeZone", "venueName", "venueAddress", "venuePostcode", "venueCity", "latitude", "longitude", "onlineUrl", "capacity", "registrationOpensAt", "registrationClosesAt", "visibility", "status", "language", "icsSequence" OR DELETE ON "Event"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_EventHost" AFTER INSERT OR UPDATE OR DELETE ON "EventHost"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_AgendaItem" AFTER INSERT OR UPDATE OR DELETE ON "AgendaItem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_AgendaItemActionLine" AFTER INSERT OR UPDATE OR DELETE ON "AgendaItemActionLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_Speaker" AFTER UPDATE OR DELETE ON "Speaker"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_Participation" AFTER INSERT OR UPDATE OR DELETE ON "Participation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
CREATE CONSTRAINT TRIGGER "public_version_Report" AFTER INSERT OR UPDATE OR DELETE ON "Report"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_content_version"();
