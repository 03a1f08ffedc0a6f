// The public page cache's invalidation (ADR 010): database triggers raise PublicContentVersion in the same
// transaction as a change to what public pages show, on SQLite and PostgreSQL, whichever way the change is
// written; a registration (which only moves seat counters) does not.
import { describe, expect, test } from 'vitest'
import { register } from '~/models/registration.server'
import { publicContentVersion } from '~/server/public-cache'
import { db } from '~/utils/db.server'
import { execute, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import {
  addParticipation,
  createAgendaItem,
  createEvent,
  createOrganisation,
  createProgramme,
  createSpeaker,
} from '../factories.ts'

async function raises(change: () => Promise<unknown>) {
  const before = await publicContentVersion()
  await change()
  return (await publicContentVersion()) > before
}

describe('public content version', () => {
  test('every change to what the event and programme pages show raises it', async () => {
    let programme: Awaited<ReturnType<typeof createProgramme>> | undefined
    expect(await raises(async () => (programme = await createProgramme(db)))).toBe(true)
    const host = await createOrganisation(db)
    let event: Awaited<ReturnType<typeof createEvent>> | undefined
    expect(await raises(async () => (event = await createEvent(db, programme!.id, { hostIds: [host.id] })))).toBe(true)
    expect(await raises(() => db.event.update({ where: { id: event!.id }, data: { title: 'Nieuwe titel' } }))).toBe(
      true,
    )
    expect(await raises(() => db.organisation.update({ where: { id: host.id }, data: { name: 'Ministerie X' } }))).toBe(
      true,
    )
    const date = event!.startsAt.toISOString().slice(0, 10)
    let item: Awaited<ReturnType<typeof createAgendaItem>> | undefined
    expect(
      await raises(
        async () =>
          (item = await createAgendaItem(db, event!, { date, start: '14:00', end: '15:00', title: 'Opening' })),
      ),
    ).toBe(true)
    const speaker = await createSpeaker(db)
    expect(await raises(() => addParticipation(db, { agendaItemId: item!.id, speakerId: speaker.id }))).toBe(true)
    expect(await raises(() => db.speaker.update({ where: { id: speaker.id }, data: { bio: 'Nieuw' } }))).toBe(true)
    expect(await raises(() => db.agendaItem.delete({ where: { id: item!.id } }))).toBe(true)
    // The SQL driver is another connection and another write path: the trigger holds there too.
    expect(
      await raises(() =>
        sqlDriver().write(() =>
          execute(portableSql(`UPDATE "Event" SET "subtitle" = ? WHERE "id" = ?`), 'Ondertitel', event!.id),
        ),
      ),
    ).toBe(true)
  })

  test('a registration, which moves only the seat counters, leaves it as it is', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { capacity: 1, visibility: 'public' })
    expect(
      await raises(() => register(event.id, { name: 'Eerste Deelnemer', email: 'eerste@example.org', language: 'nl' })),
    ).toBe(false)
    // Full now: the next goes on the waitlist (the waitlist counter moves).
    expect(
      await raises(() => register(event.id, { name: 'Tweede Deelnemer', email: 'tweede@example.org', language: 'nl' })),
    ).toBe(false)
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1)
  })

  test('a change that rolls back leaves it as it is', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id)
    expect(
      await raises(() =>
        db
          .$transaction(async (tx) => {
            await tx.event.update({ where: { id: event.id }, data: { title: 'Nooit bewaard' } })
            throw new Error('rolled back')
          })
          .catch(() => {}),
      ),
    ).toBe(false)
  })
})
