// The public registration form (/bijeenkomsten/:slug/aanmelden) and what it shares with the invitation page:
// the event as the form shows it, its questions, and the form's values as register() takes them. Reading the
// posted form and answering it is the routes' side (app/routes-support/registration-form.server.ts).
import type { Event, RegistrationQuestion } from '~/generated/prisma/client'
import {
  optionsOf,
  registrationWindow,
  seatsLeft,
  type RegistrationQuestionDef,
  type RegistrationValues,
} from '~/domain/registration-form'
import { select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import { selectEvent, type RegistrationInput } from './registration.server'

// The public form's reads go through the SQL driver: they run on every registration, and a Prisma query costs
// several times the statement in CPU (ADR 008, ADR 009).

export async function eventQuestions(eventId: string): Promise<RegistrationQuestionDef[]> {
  const rows = await sqlDriver().read(
    select<RegistrationQuestion>(
      portableSql(`SELECT * FROM "RegistrationQuestion" WHERE "eventId" = ? ORDER BY "order" ASC, "id" ASC`),
      eventId,
    ),
  )
  return rows.map((q) => ({
    id: q.id,
    label: q.label,
    labelEn: q.labelEn,
    type: q.type,
    options: optionsOf(q.options),
    required: q.required,
  }))
}

/** The event as the registration pages show it (plain values, safe to send to the browser). */
export function formEventView(event: Event, now = new Date()) {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: { name: event.venueName, address: event.venueAddress, postcode: event.venuePostcode, city: event.venueCity },
    online: Boolean(event.onlineUrl),
    seatsLeft: seatsLeft(event),
    requiresApproval: event.requiresApproval,
    window: registrationWindow(event, now),
    opensAt: event.registrationOpensAt?.toISOString() ?? null,
    closesAt: event.registrationClosesAt?.toISOString() ?? null,
  }
}

export type FormEventView = ReturnType<typeof formEventView>

export type PublicEvent = { kind: 'ok'; event: Event } | { kind: 'not-found' } | { kind: 'invite-only' }

/** Only published public events have an open form; drafts and unknown slugs are 404. */
export async function publicRegistrationEvent(slug: string): Promise<PublicEvent> {
  const event = await sqlDriver().read(selectEvent({ slug }))
  if (!event || event.status !== 'published') return { kind: 'not-found' }
  if (event.visibility !== 'public') return { kind: 'invite-only' }
  return { kind: 'ok', event }
}

export function registrationInput(values: RegistrationValues): RegistrationInput {
  return {
    name: values.name,
    email: values.email,
    organisationName: values.organisationName,
    function: values.function,
    language: values.language,
    dietary: values.dietary,
    accessibility: values.accessibility,
    photoConsent: values.photoConsent,
    answers: values.answers,
  }
}
