import fs from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/utils/db.server'
import { verifyLogin } from '~/models/user.server'
import { EVENT_SLUG, PROGRAMME_SLUG, seed } from '../../prisma/seed.ts'

// The news item the seed reproduces. A copy lives in tests/fixtures so that the repository stands alone;
// where the shared reference is beside the checkout, the copy must equal it.
const fixture = 'tests/fixtures/formele-start-samen-tegen-mensenhandel.txt'
const shared = '../shared/reference/formele-start-samen-tegen-mensenhandel.txt'
const article = fs.readFileSync(fixture, 'utf8')
const quotes = [...article.matchAll(/“([^”]+)”/g)].map((m) => m[1]!)

beforeAll(async () => {
  await seed(db, {
    adminEmail: 'admin@example.org',
    adminPassword: 'Seed-Test-Wachtwoord-1',
    now: new Date('2026-11-29T08:00:00Z'),
  })
})

describe('seed: the formal start on 4 December', () => {
  test('the article fixture is the shared reference', () => {
    if (fs.existsSync(shared)) expect(article).toBe(fs.readFileSync(shared, 'utf8'))
    expect(quotes.length).toBe(4)
  })

  test('every quote of the article is an authorised statement, verbatim, attributed as in the article', async () => {
    const statements = await db.statement.findMany({
      where: { event: { slug: EVENT_SLUG }, status: 'authorised' },
      include: { authorisedVersion: true, speaker: true },
    })
    const texts = statements.map((s) => s.authorisedVersion?.text)
    for (const quote of quotes) expect(texts).toContain(quote)
    const attributionOf = (quote: string) =>
      statements.find((s) => s.authorisedVersion?.text === quote)!.speaker.attribution
    // The attribution precedes each quote in the article. The article writes "Staatssecretaris van Ark"; the
    // seed follows the convention for a surname without a first name before it: "Van Ark".
    const asInArticle = (attribution: string) =>
      attribution.replace('Staatssecretaris Van Ark', 'Staatssecretaris van Ark')
    for (const quote of quotes) {
      const attribution = attributionOf(quote)
      const before = article.slice(0, article.indexOf(quote))
      expect(before.lastIndexOf(asInArticle(attribution))).toBeGreaterThan(-1)
    }
    expect(attributionOf(quotes[1]!)).toBe(
      'Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid',
    )
    expect(statements.every((s) => s.authorisedAt && s.authorisedBy === 'speaker')).toBe(true)
  })

  test('the programme has the five action lines the article names', async () => {
    const programme = await db.programme.findUniqueOrThrow({
      where: { slug: PROGRAMME_SLUG },
      include: { actionLines: { orderBy: { order: 'asc' } } },
    })
    expect(programme.name).toBe('Samen tegen mensenhandel')
    expect(programme.actionLines.map((l) => l.title)).toEqual([
      'Versterking van de basisaanpak van mensenhandel',
      'Aanpak van arbeidsuitbuiting',
      'Voorkomen van slachtofferschap en daderschap',
      'Versterken van de gemeentelijke aanpak van mensenhandel',
      'Delen van kennis en informatie',
    ])
  })

  test('the event is on the next 4 December, 14.00–17.00 in Den Haag, hosted by four ministries', async () => {
    const event = await db.event.findUniqueOrThrow({
      where: { slug: EVENT_SLUG },
      include: { hosts: { include: { organisation: true }, orderBy: { order: 'asc' } } },
    })
    expect(event.title).toBe('Formele start Samen tegen mensenhandel')
    expect(event.startsAt.toISOString()).toBe('2026-12-04T13:00:00.000Z')
    expect(event.endsAt.toISOString()).toBe('2026-12-04T16:00:00.000Z')
    expect(event.venueCity).toBe('Den Haag')
    expect(event.status).toBe('published')
    expect(event.hosts.map((h) => h.organisation.shortName)).toEqual(['JenV', 'VWS', 'SZW', 'BZ'])
  })

  test('the agenda: opening by Harbers, the panel of four in their roles, the Nationaal Rapporteur, a drink', async () => {
    const items = await db.agendaItem.findMany({
      where: { event: { slug: EVENT_SLUG } },
      orderBy: { order: 'asc' },
      include: { participations: { orderBy: { order: 'asc' }, include: { speaker: true } } },
    })
    expect(items.map((i) => i.kind)).toEqual(['opening', 'panel', 'keynote', 'networking'])
    expect(items[0]!.participations.map((p) => p.speaker.name)).toEqual(['Harbers'])
    const panel = items[1]!.participations
    expect(panel.map((p) => [p.speaker.name, p.role])).toEqual([
      ['Harbers', 'panelist'],
      ['Blokhuis', 'panelist'],
      ['Van Ark', 'panelist'],
      ['Tazelaar', 'panelist'],
    ])
    expect(panel.map((p) => p.speaker.function)).toEqual([
      'staatssecretaris van Justitie en Veiligheid',
      'staatssecretaris van Volksgezondheid, Welzijn en Sport',
      'staatssecretaris van Sociale Zaken en Werkgelegenheid',
      'plaatsvervangend directeur-generaal Buitenlandse Zaken',
    ])
    expect(items[2]!.participations[0]!.speaker.name).toBe('Herman Bolhaar')
    expect(items[2]!.participations[0]!.speaker.function).toBe(
      'Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen',
    )
  })

  test('partner organisations have contacts with example.org addresses only', async () => {
    const contacts = await db.contact.findMany()
    expect(contacts.length).toBeGreaterThanOrEqual(5)
    expect(contacts.every((c) => c.email.endsWith('@example.org'))).toBe(true)
    const speakers = await db.speaker.findMany()
    expect(speakers.every((s) => !s.email || s.email.endsWith('@example.org'))).toBe(true)
  })

  test('the admin account signs in with the printed credentials, and seeding again changes nothing', async () => {
    const admin = await verifyLogin('admin@example.org', 'Seed-Test-Wachtwoord-1')
    expect(admin?.role).toBe('admin')
    const counts = async () => [await db.event.count(), await db.user.count(), await db.statement.count()]
    const before = await counts()
    const again = await seed(db, { adminEmail: 'admin@example.org', adminPassword: 'other' })
    expect(again.created).toBe(false)
    expect(await counts()).toEqual(before)
  })
})
