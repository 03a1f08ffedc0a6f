// Signed-in secretariat pages with a large data set (an event with 10,000 registrations, 20,000 contacts, 50,000
// outbox rows): p95 of a person clicking through, one request at a time. And cost growth: the event page (cache
// off), a registration and the registrations list of an event with 1,000 registrations, with 1,000 and with
// 100,000 registrations in the database. Production server, one web process, SQLite.
import { load, type Shot } from './load.ts'
import { median, RUNS, type Figure, type SuiteResult } from './support.ts'

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60)
let unique = 0

export async function benchSecretariat(): Promise<SuiteResult> {
  const { createDb } = await import('~/utils/db.server')
  const { createEvent, createOrganisation } = await import('../../tests/factories.ts')
  const { startAppServer, ADMIN } = await import('../../tests/support/app-server.ts')
  const app = await startAppServer({
    env: {
      LOG_LEVEL: 'silent',
      MAIL_WORKER_IN_PROCESS: 'false',
      PUBLIC_PAGE_CACHE: 'false',
      REGISTRATION_RATE_LIMIT: '1000000',
    },
  })
  const db = createDb(app.databaseUrl)
  try {
    const programme = await db.programme.findFirstOrThrow()
    const organisations = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createOrganisation(db, { name: `Gemeente Bench ${i}` })),
    )
    const registrations = async (eventId: string, count: number, prefix: string) => {
      for (let start = 0; start < count; start += 5000) {
        await db.registration.createMany({
          data: Array.from({ length: Math.min(5000, count - start) }, (_, k) => {
            const i = start + k
            const email = `${prefix}${i}@example.org`
            return {
              eventId,
              name: `${i % 7 === 0 ? 'Jansen' : 'De Vries'} ${prefix}${i}`,
              email,
              organisationId: organisations[i % organisations.length]!.id,
              status: 'confirmed' as const,
              activeKey: `${eventId}:${email}`,
              holdsSeat: true,
              checkedInAt: i % 3 === 0 ? new Date() : null,
            }
          }),
        })
      }
    }
    const small = await createEvent(db, programme.id, {
      capacity: null,
      visibility: 'public',
      title: 'Kleine bijeenkomst',
    })
    await registrations(small.id, 1000, 's')

    const signIn = await fetch(`${app.url}/inloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }).toString(),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    if (!cookie.includes('bijeen_session')) throw new Error(`sign-in failed: ${signIn.status}`)

    const timed = async (path: string, options: { signedIn?: boolean; post?: boolean } = {}) => {
      const result = await load(
        app.url,
        (): Shot => {
          if (!options.post) return { path, headers: options.signedIn ? { Cookie: cookie } : {} }
          const i = unique++
          const body = new URLSearchParams({
            name: `Groei ${i}`,
            email: `groei.${i}@example.org`,
            language: 'nl',
            website: '',
          })
          return {
            method: 'POST',
            path,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.url },
            body: body.toString(),
          }
        },
        { connections: 1, count: SAMPLES },
      )
      const ok = options.post ? 303 : 200
      if (result.statuses[ok] !== result.requests) throw new Error(`${path}: ${JSON.stringify(result.statuses)}`)
      return result
    }
    const growth = async () => {
      const [page, registration, list] = [[], [], []] as number[][]
      for (let run = 0; run < RUNS; run++) {
        page.push((await timed(`/bijeenkomsten/${small.slug}`)).p50)
        registration.push((await timed(`/bijeenkomsten/${small.slug}/aanmelden`, { post: true })).p50)
        list.push((await timed(`/beheer/bijeenkomsten/${small.id}/aanmeldingen`, { signedIn: true })).p50)
      }
      return { page: median(page), registration: median(registration), list: median(list) }
    }
    // One discarded round first, so that the 1,000 figure is not the one that pays for a cold JIT and cold caches.
    await growth()
    const atOneThousand = await growth()

    // The large data set.
    const large = await createEvent(db, programme.id, { capacity: null, title: 'Grote bijeenkomst' })
    await registrations(large.id, 10_000, 'g')
    for (let start = 0; start < 20_000; start += 5000) {
      await db.contact.createMany({
        data: Array.from({ length: 5000 }, (_, k) => ({
          organisationId: organisations[(start + k) % organisations.length]!.id,
          name: `${(start + k) % 11 === 0 ? 'Bakker' : 'Visser'} ${start + k}`,
          email: `contact.${start + k}@example.org`,
        })),
      })
    }
    for (let start = 0; start < 50_000; start += 5000) {
      await db.outboxMessage.createMany({
        data: Array.from({ length: 5000 }, (_, k) => ({
          kind: 'invitation',
          to: `contact.${start + k}@example.org`,
          subject: 'Uitnodiging',
          messageId: `<bench-${start + k}@bijeen>`,
          idempotencyKey: `bench:${start + k}`,
          eventId: large.id,
          status: 'sent' as const,
        })),
      })
    }
    const pages: Array<[string, string]> = [
      ['event dashboard', `/beheer/bijeenkomsten/${large.id}`],
      ['registrations list', `/beheer/bijeenkomsten/${large.id}/aanmeldingen`],
      ['registrations list, searched', `/beheer/bijeenkomsten/${large.id}/aanmeldingen?zoek=jansen`],
      ['check-in search', `/beheer/bijeenkomsten/${large.id}/check-in?q=jansen`],
      ['contacts, searched', `/beheer/contacten?q=bakker`],
      ['mailbox', `/beheer/mailbox`],
    ]
    const figures: Figure[] = []
    for (const [name, path] of pages) {
      const p95s: number[] = []
      for (let run = 0; run < RUNS; run++) p95s.push((await timed(path, { signedIn: true })).p95)
      figures.push({
        figure: `${name} (10,000 registrations, 20,000 contacts, 50,000 outbox rows): p95`,
        value: median(p95s),
        unit: 'ms',
        goal: '≤ 50 ms',
        met: median(p95s) <= 50,
        runs: p95s,
      })
    }

    // Up to 100,000 registrations in the database, in other events.
    const inDatabase = await db.registration.count()
    for (let e = 0; inDatabase + e * 10_000 < 100_000; e++) {
      const other = await createEvent(db, programme.id, { capacity: null })
      await registrations(other.id, Math.min(10_000, 100_000 - inDatabase - e * 10_000), `o${e}-`)
    }
    const total = await db.registration.count()
    const atHundredThousand = await growth()
    for (const key of ['page', 'registration', 'list'] as const) {
      const ratio = atHundredThousand[key] / atOneThousand[key]
      figures.push({
        figure: `cost growth, ${{ page: 'event page (cache off)', registration: 'a registration', list: 'registrations list' }[key]}: median at ${total.toLocaleString('en-GB')} registrations in the database; baseline: the same at 1,000`,
        value: atHundredThousand[key],
        unit: 'ms',
        limit: atOneThousand[key],
        ratio,
        goal: 'within ± 20 %',
        met: Math.abs(ratio - 1) <= 0.2,
      })
    }
    return { name: 'secretariat (sqlite)', figures }
  } finally {
    await db.$disconnect()
    await app.stop()
  }
}
