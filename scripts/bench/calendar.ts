// "Programme feed of 200 events ≤ 25 ms": the whole feed as the route builds it, database query included
// (served from the public page cache after the first request; this is the cost of a render).
import { freshDatabase, median, type Provider, type SuiteResult } from './support.ts'

const EVENTS = 200
const RUNS = 40

export async function benchCalendar(provider: Provider): Promise<SuiteResult> {
  const database = await freshDatabase(provider)
  process.env.DATABASE_URL = database.url
  process.env.LOG_LEVEL = 'silent'
  const { db } = await import('~/utils/db.server')
  const { programmeFeed } = await import('~/models/calendar.server')
  const { createEvent, createProgramme } = await import('../../tests/factories.ts')
  try {
    const programme = await createProgramme(db, { slug: 'feed-bench', name: 'Samen tegen mensenhandel' })
    for (let i = 0; i < EVENTS; i++) {
      const date = new Date(Date.UTC(2026, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10)
      await createEvent(db, programme.id, {
        slug: `bijeenkomst-${i}`,
        title: `Regionale bijeenkomst ${i}: samen tegen mensenhandel`,
        description:
          'Een middag met partners uit de regio over signalering, opvang en samenwerking.\n\nMet een panel en een netwerkborrel.',
        date,
        venueName: 'Stadhuis',
        venueAddress: 'Spui 70',
        venuePostcode: '2511 BT',
        venueCity: 'Den Haag',
        latitude: 52.077,
        longitude: 4.316,
        status: i % 20 === 0 ? 'cancelled' : 'published',
      })
    }
    await programmeFeed('feed-bench') // warm-up
    const times: number[] = []
    let size = 0
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      const feed = await programmeFeed('feed-bench')
      times.push(performance.now() - start)
      size = feed!.ics.length
    }
    const ms = median(times)
    return {
      name: `calendar (${provider})`,
      figures: [
        {
          figure: `programme feed of ${EVENTS} events (${(size / 1024).toFixed(0)} kB), median of ${RUNS}`,
          value: ms,
          unit: 'ms',
          goal: '≤ 25 ms',
          met: ms <= 25,
        },
      ],
    }
  } finally {
    await db.$disconnect()
    database.cleanup()
  }
}
