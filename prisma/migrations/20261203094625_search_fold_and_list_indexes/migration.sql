-- CreateIndex
CREATE INDEX "Contact_name_email_idx" ON "Contact"("name", "email");

-- CreateIndex
CREATE INDEX "Registration_eventId_name_email_idx" ON "Registration"("eventId", "name", "email");

-- CreateIndex
CREATE INDEX "Registration_eventId_checkedInAt_idx" ON "Registration"("eventId", "checkedInAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_eventId_kind_idx" ON "OutboxMessage"("eventId", "kind");
