// publishableQuotes on the seeded 4 December event: the four authorised quotes of the article, exactly and in
// agenda order with the speaker's attribution, and each reason a quote is left out.
import { beforeAll, describe, expect, test } from 'vitest'
import { publishableQuotes } from '~/models/statement.server'
import { db } from '~/utils/db.server'
import { articleQuotes, EVENT_SLUG, seed } from '../../prisma/seed.ts'
import { createAgendaItem, createEvent, createProgramme, createSpeaker, createStatement } from '../factories.ts'

let eventId: string
const now = new Date('2026-12-05T10:00:00Z')

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Citaten-Test-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
  eventId = (await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })).id
})

describe('publishable quotes', () => {
  test('the seed: four authorised quotes, exact text, agenda order, attribution as chosen', async () => {
    const { quotes, excluded } = await publishableQuotes(eventId, now)
    expect(quotes.map((q) => q.text)).toEqual([
      articleQuotes.harbers,
      articleQuotes.vanArk,
      articleQuotes.blokhuis,
      articleQuotes.tazelaar,
    ])
    expect(quotes[0]).toMatchObject({
      attribution: 'Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid',
      language: 'nl',
      speaker: { name: 'Staatssecretaris Harbers', organisation: 'Ministerie van Justitie en Veiligheid' },
      agendaItem: { title: 'Opening door staatssecretaris Harbers', kind: 'opening', order: 0 },
      authorisedBy: 'speaker',
    })
    expect(quotes.slice(1).every((q) => q.agendaItem?.title === 'Panel: de inzet van de ministeries')).toBe(true)
    // The Nationaal Rapporteur's quote is still requested.
    expect(excluded).toEqual([
      expect.objectContaining({
        speaker: expect.objectContaining({ name: 'Herman Bolhaar' }),
        reason: 'not-authorised',
      }),
    ])
  })

  describe('each reason a quote is left out', () => {
    let otherEvent: { id: string; timeZone: string }
    beforeAll(async () => {
      const programme = await createProgramme(db)
      otherEvent = await createEvent(db, programme.id)
    })

    async function quoteWith(
      speaker: Parameters<typeof createSpeaker>[1],
      change: (statementId: string) => Promise<unknown> = async () => {},
      text = 'Een uitspraak.',
    ) {
      const s = await createSpeaker(db, { consentPublishQuotes: true, ...speaker })
      const statement = await createStatement(db, {
        eventId: otherEvent.id,
        speakerId: s.id,
        text,
        authorisedBy: 'speaker',
      })
      await change(statement.id)
      return statement.id
    }

    test('not authorised, embargoed, withdrawn, no consent; and the embargo passing', async () => {
      const item = await createAgendaItem(db, otherEvent, {
        date: '2026-12-04',
        start: '10:00',
        end: '11:00',
        title: 'Opening',
        order: 0,
      })
      const fine = await quoteWith({ name: 'Akkoord' }, (id) =>
        db.statement.update({ where: { id }, data: { agendaItemId: item.id } }),
      )
      const s = await createSpeaker(db, { consentPublishQuotes: true })
      const submitted = await createStatement(db, {
        eventId: otherEvent.id,
        speakerId: s.id,
        text: 'Nog niet akkoord.',
      })
      const requested = await createStatement(db, { eventId: otherEvent.id, speakerId: s.id })
      const awaiting = await quoteWith({ name: 'Voorstel' }, (id) =>
        db.statement.update({ where: { id }, data: { status: 'awaiting_authorisation', authorisedVersionId: null } }),
      )
      const embargoed = await quoteWith({ name: 'Embargo' }, (id) =>
        db.statement.update({ where: { id }, data: { embargoUntil: new Date(now.getTime() + 60_000) } }),
      )
      const withdrawn = await quoteWith({ name: 'Ingetrokken' }, (id) =>
        db.statement.update({ where: { id }, data: { status: 'withdrawn' } }),
      )
      const noConsent = await quoteWith({ name: 'Geen toestemming', consentPublishQuotes: false })

      const { quotes, excluded } = await publishableQuotes(otherEvent.id, now)
      expect(quotes.map((q) => q.statementId)).toEqual([fine])
      const reasons = Object.fromEntries(excluded.map((e) => [e.statementId, e.reason]))
      expect(reasons).toEqual({
        [submitted.id]: 'not-authorised',
        [requested.id]: 'not-authorised',
        [awaiting]: 'not-authorised',
        [embargoed]: 'embargoed',
        [withdrawn]: 'withdrawn',
        [noConsent]: 'no-consent',
      })

      // Once the embargo has passed, the quote is published.
      const later = await publishableQuotes(otherEvent.id, new Date(now.getTime() + 60_000))
      expect(later.quotes.map((q) => q.statementId)).toEqual([fine, embargoed])
    })

    test('the authorised text is the authorised version, not a later one; markup stays text', async () => {
      const text = '<script>alert(1)</script> "onerror=\nTweede regel.'
      const id = await quoteWith(
        { name: 'Later gewijzigd', attribution: '' },
        async (statementId) => {
          await db.statementVersion.create({
            data: { statementId, text: 'Een latere, niet geautoriseerde versie.', authorKind: 'secretariat' },
          })
        },
        text,
      )
      const { quotes } = await publishableQuotes(otherEvent.id, now)
      const quote = quotes.find((q) => q.statementId === id)!
      expect(quote.text).toBe(text)
      expect(quote.attribution).toBe('Later gewijzigd')
    })

    test('a version of another statement does not count as authorised', async () => {
      const s = await createSpeaker(db, { consentPublishQuotes: true })
      const a = await createStatement(db, {
        eventId: otherEvent.id,
        speakerId: s.id,
        text: 'A',
        authorisedBy: 'speaker',
      })
      const b = await createStatement(db, { eventId: otherEvent.id, speakerId: s.id, text: 'B' })
      const foreign = await db.statementVersion.create({
        data: { statementId: a.id, text: 'van A', authorKind: 'speaker' },
      })
      await db.statement.update({
        where: { id: b.id },
        data: { status: 'authorised', authorisedVersionId: foreign.id },
      })
      const { excluded } = await publishableQuotes(otherEvent.id, now)
      expect(excluded.find((e) => e.statementId === b.id)?.reason).toBe('not-authorised')
    })

    test('an unknown event has no quotes', async () => {
      expect(await publishableQuotes('onbekend', now)).toEqual({ quotes: [], excluded: [] })
    })
  })
})
