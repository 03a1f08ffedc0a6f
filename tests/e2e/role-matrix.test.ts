// The role × route matrix (issue 15), against the production build: every /beheer page (GET) and action (POST
// with a harmless body) as anonymous, viewer, organiser and admin, each with the outcome the table below
// expects; every personal link with its own token, another person's session, an expired and a revoked token;
// and the id-carrying forms with an id of another event or person. The table is checked against app/routes,
// so a new route without an entry fails here. Hostile bodies and methods are tests/e2e/refused-requests.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PersonalLinkKind, Role } from '~/generated/prisma/enums'
import { createPersonalLink } from '~/models/personal-link.server'
import { createDb } from '~/utils/db.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { EVENT_SLUG } from '../../prisma/seed.ts'
import {
  addParticipation,
  createAgendaItem,
  createContact,
  createEvent,
  createSpeaker,
  createStatement,
  createUser,
} from '../factories.ts'
import { ADMIN, startAppServer, type AppServer } from '../support/app-server.ts'
import { fillPattern, routeFiles, type RawResponse } from '../support/probe.ts'
import { signInByFetch } from '../support/sign-in.ts'

let app: AppServer
let db: ReturnType<typeof createDb>
const cookies: Record<Who, string> = { anonymous: '', viewer: '', organiser: '', admin: '' }
let ids: Record<string, string> = {}
let cases = 0

type Who = 'anonymous' | Role
const WHO: Who[] = ['anonymous', 'viewer', 'organiser', 'admin']
const rank: Record<Who, number> = { anonymous: 0, viewer: 1, organiser: 2, admin: 3 }

// Strings only the fixtures hold: a refused answer that contains one has leaked.
const A = 'Matrixpersoon Aart'
const B = 'Matrixpersoon Bea'
const FOREIGN = 'Matrixpersoon Vreemd'

/**
 * Who may do what on each /beheer route: the lowest role for its page (GET) and its action (POST); `signed-in`
 * is any account (its own account pages). `found` is the page's status for an allowed role where the id in
 * the address does not exist in the seed (404) or the page is a download.
 */
type Need = Role | 'signed-in'
type Entry = { get: Need; post?: Need; found?: number; query?: string }
const BEHEER: Record<string, Entry> = {
  'beheer.tsx': { get: 'viewer' },
  'beheer._index.tsx': { get: 'viewer' },
  'beheer.account._index.tsx': { get: 'signed-in', post: 'signed-in' },
  'beheer.account.tweestapsverificatie.tsx': { get: 'signed-in', post: 'signed-in' },
  'beheer.audit.tsx': { get: 'admin' },
  'beheer.bijeenkomsten.$id._index.tsx': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.aanmeldingen.$registrationId.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.aanmeldingen._index.tsx': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.aanmeldingen.badges.tsx': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.aanmeldingen.exporteren.ts': { get: 'viewer', query: '?formaat=csv' },
  'beheer.bijeenkomsten.$id.aanmeldingen.lijst.tsx': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.bewerken.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.briefing.$speakerId.tsx': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.briefing._index.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.check-in.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.citaten.$statementId.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.citaten._index.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.kopie.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.organisaties.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.programma.$itemId.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.programma._index.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.sprekers.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.status.tsx': { get: 'organiser', post: 'organiser', query: '?naar=cancelled' },
  'beheer.bijeenkomsten.$id.uitnodigingen.$invitationId.intrekken.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.uitnodigingen._index.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.bijeenkomsten.$id.uitnodigingen.exporteren.ts': { get: 'viewer' },
  'beheer.bijeenkomsten.$id.uitnodigingen.nieuw.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.$id.verslag.tsx': { get: 'viewer', post: 'organiser' },
  // No report is published in the seed: nothing to export.
  'beheer.bijeenkomsten.$id.verslag_.$format.ts': { get: 'viewer', found: 404 },
  'beheer.bijeenkomsten.$id.vragen.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.bijeenkomsten.nieuw.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.contacten.$id.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.contacten._index.tsx': { get: 'viewer' },
  'beheer.contacten.exporteren.tsx': { get: 'organiser' },
  'beheer.contacten.importeren.$id.tsx': { get: 'organiser', post: 'organiser', found: 404 },
  'beheer.contacten.importeren._index.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.contacten.nieuw.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.mailbox.$id._index.tsx': { get: 'admin', found: 404 },
  'beheer.mailbox.$id.bijlagen.$index.tsx': { get: 'admin', found: 404 },
  'beheer.mailbox.$id.html.tsx': { get: 'admin', found: 404 },
  'beheer.mailbox._index.tsx': { get: 'admin', post: 'admin' },
  'beheer.medewerkers.$id.tsx': { get: 'admin', post: 'admin' },
  'beheer.medewerkers._index.tsx': { get: 'admin' },
  'beheer.medewerkers.nieuw.tsx': { get: 'admin', post: 'admin' },
  'beheer.organisaties.$id.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.organisaties._index.tsx': { get: 'viewer' },
  'beheer.organisaties.exporteren.tsx': { get: 'organiser' },
  'beheer.organisaties.nieuw.tsx': { get: 'organiser', post: 'organiser' },
  // The address itself goes to the page with the form; the download is its POST.
  'beheer.privacy.export.ts': { get: 'admin', post: 'admin', found: 302 },
  'beheer.privacy.tsx': { get: 'admin', post: 'admin' },
  'beheer.programmas.$id._index.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.programmas.$id.overzicht.tsx': { get: 'viewer' },
  'beheer.programmas.$id.overzicht[.]docx.ts': { get: 'viewer' },
  'beheer.programmas.$id.overzicht[.]xlsx.ts': { get: 'viewer' },
  'beheer.programmas._index.tsx': { get: 'viewer', post: 'organiser' },
  'beheer.sjablonen.$kind._index.tsx': { get: 'viewer' },
  'beheer.sjablonen.$kind.html.tsx': { get: 'viewer' },
  'beheer.sjablonen._index.tsx': { get: 'viewer' },
  'beheer.sprekers.$id.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.sprekers._index.tsx': { get: 'viewer' },
  'beheer.sprekers.nieuw.tsx': { get: 'organiser', post: 'organiser' },
  'beheer.verzendingen.$id.tsx': { get: 'viewer', post: 'organiser', found: 404 },
  'beheer.verzendingen._index.tsx': { get: 'viewer' },
}

/** The routes outside /beheer: public pages, or opened by a personal link (tested in their own block below). */
const OUTSIDE: Record<string, 'public' | 'link' | 'auth'> = {
  '$.tsx': 'public',
  '_index.tsx': 'public',
  'aanmelding.$token._index.tsx': 'link',
  'aanmelding.$token.agenda[.]ics.ts': 'link',
  'activeren.$token.tsx': 'link',
  'bijeenkomsten.$slug._index.tsx': 'public',
  'bijeenkomsten.$slug.aanmelden.tsx': 'public',
  'bijeenkomsten.$slug.agenda[.]ics.ts': 'public',
  'inloggen.tsx': 'auth',
  'media.speakers.$file.tsx': 'public',
  'privacy.tsx': 'public',
  'programmas.$slug._index.tsx': 'public',
  'programmas.$slug.agenda[.]ics.ts': 'public',
  'spreker.$token._index.tsx': 'link',
  'spreker.$token.agenda[.]ics.ts': 'link',
  'spreker.$token.briefing.tsx': 'link',
  'spreker.$token.citaten.tsx': 'link',
  'spreker.$token.profiel.tsx': 'link',
  'taal.tsx': 'auth',
  'uitloggen.tsx': 'auth',
  'uitnodiging.$token.tsx': 'link',
  'verslag.$token.tsx': 'link',
  'verslagen.$slug._index.tsx': 'public',
  'verslagen.$slug.versie.$version.tsx': 'public',
}

const form = 'application/x-www-form-urlencoded'

async function request(method: 'GET' | 'POST', path: string, cookie: string, body?: string): Promise<RawResponse> {
  cases++
  const headers: Record<string, string> = { Origin: app.url }
  if (cookie) headers.Cookie = cookie
  if (method === 'POST') headers['Content-Type'] = form
  // fetch reads a chunked answer whole, so that a name split by a chunk size cannot slip past the leak check.
  const response = await fetch(app.url + path, {
    method,
    headers,
    body: method === 'POST' ? (body ?? 'intent=matrix-probe') : undefined,
    redirect: 'manual',
  })
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
  }
}

/**
 * What the database holds, table by table, to show that refused or harmless requests changed nothing. Rows of
 * `ignore` (the invitation the matrix withdraws on purpose) are left out.
 */
async function snapshot(ignore: string[] = []) {
  const keep = <T extends { id: string }>(rows: T[]) =>
    rows.filter((r) => !ignore.includes(r.id) && !ignore.includes((r as { subjectId?: string }).subjectId ?? ''))
  const order = { orderBy: { id: 'asc' as const } }
  const tables = {
    organisation: await db.organisation.findMany(order),
    contact: await db.contact.findMany(order),
    event: await db.event.findMany(order),
    agendaItem: await db.agendaItem.findMany(order),
    speaker: await db.speaker.findMany(order),
    participation: await db.participation.findMany(order),
    statement: await db.statement.findMany(order),
    statementVersion: await db.statementVersion.count(),
    invitation: keep(await db.invitation.findMany(order)),
    registration: await db.registration.findMany(order),
    programme: await db.programme.findMany(order),
    user: await db.user.findMany({ ...order, select: { id: true, role: true, email: true, name: true } }),
    personalLink: keep(
      await db.personalLink.findMany({ ...order, select: { id: true, subjectId: true, revokedAt: true } }),
    ),
    outboxMessage: await db.outboxMessage.count(),
    report: await db.report.count(),
  }
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, JSON.stringify(rows)]))
}

/** The tables that differ between two snapshots (empty when nothing changed). */
const changed = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((name) => before[name] !== after[name])

beforeAll(async () => {
  app = await startAppServer()
  db = createDb(app.databaseUrl)
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT_SLUG } })
  const organisation = await db.organisation.findFirstOrThrow()
  const programme = await db.programme.findFirstOrThrow()
  const item = await db.agendaItem.findFirstOrThrow({ where: { eventId: event.id } })
  const speaker = await db.speaker.findFirstOrThrow({ where: { participations: { some: { agendaItemId: item.id } } } })
  // Two people of each kind on the seeded event, and a second event with its own item, speaker and registrant.
  const [contactA, contactB] = await Promise.all([
    createContact(db, organisation.id, { name: A }),
    createContact(db, organisation.id, { name: B }),
  ])
  // The matrix withdraws one invitation on purpose (the withdraw page's POST needs no fields): its own.
  const contactM = await createContact(db, organisation.id, { name: 'Matrix Intrekbaar' })
  const [invitationA, invitationB, invitationM] = await Promise.all(
    [contactA, contactB, contactM].map((c) => db.invitation.create({ data: { eventId: event.id, contactId: c.id } })),
  )
  const registration = (name: string, eventId: string) =>
    db.registration.create({
      data: { eventId, name, email: `${name.split(' ')[1]!.toLowerCase()}@example.org`, status: 'confirmed' },
    })
  const [registrationA, registrationB] = [await registration(A, event.id), await registration(B, event.id)]
  const [speakerA, speakerB] = await Promise.all([createSpeaker(db, { name: A }), createSpeaker(db, { name: B })])
  // On different items, so that neither sees the other as a co-speaker.
  const secondItem = await db.agendaItem.findFirstOrThrow({ where: { eventId: event.id, id: { not: item.id } } })
  await addParticipation(db, { agendaItemId: item.id, speakerId: speakerA.id, role: 'speaker', confirmed: true })
  await addParticipation(db, { agendaItemId: secondItem.id, speakerId: speakerB.id, role: 'speaker', confirmed: true })
  const statementA = await createStatement(db, { eventId: event.id, speakerId: speakerA.id, agendaItemId: item.id })
  const other = await createEvent(db, programme.id, { title: 'Matrix andere bijeenkomst' })
  const otherItem = await createAgendaItem(db, other, {
    date: other.startsAt.toISOString().slice(0, 10),
    start: '10:00',
    end: '11:00',
    title: 'Ander punt',
  })
  const otherSpeaker = await createSpeaker(db, { name: FOREIGN })
  await addParticipation(db, {
    agendaItemId: otherItem.id,
    speakerId: otherSpeaker.id,
    role: 'speaker',
    confirmed: true,
  })
  const otherStatement = await createStatement(db, {
    eventId: other.id,
    speakerId: otherSpeaker.id,
    agendaItemId: otherItem.id,
  })
  const otherRegistration = await registration(FOREIGN, other.id)
  const otherContact = await createContact(db, organisation.id, { name: FOREIGN })
  const otherInvitation = await db.invitation.create({ data: { eventId: other.id, contactId: otherContact.id } })
  const report = await db.report.create({ data: { eventId: event.id, slug: 'matrix-verslag', title: 'Verslag' } })

  const viewer = await createUser(db, { role: 'viewer', name: 'Matrix Kijker' })
  const organiser = await createUser(db, { role: 'organiser', name: 'Matrix Organisator' })
  ids = {
    event: event.id,
    slug: event.slug,
    organisation: organisation.id,
    programme: programme.id,
    item: item.id,
    speaker: speaker.id,
    contact: contactA.id,
    invitation: invitationM.id,
    registration: registrationA.id,
    statement: statementA.id,
    user: viewer.user.id,
    otherEvent: other.id,
    otherItem: otherItem.id,
    otherSpeaker: otherSpeaker.id,
    otherStatement: otherStatement.id,
    otherRegistration: otherRegistration.id,
    otherInvitation: otherInvitation.id,
  }
  subjects = {
    invitation: [invitationA.id, invitationB.id],
    registration: [registrationA.id, registrationB.id],
    registration_feed: [registrationA.id, registrationB.id],
    speaker: [speakerA.id, speakerB.id],
    speaker_feed: [speakerA.id, speakerB.id],
    report: [report.id, report.id],
  }
  cookies.viewer = await signInByFetch(app.url, { email: viewer.user.email, password: viewer.password })
  cookies.organiser = await signInByFetch(app.url, { email: organiser.user.email, password: organiser.password })
  cookies.admin = await signInByFetch(app.url, ADMIN)
}, 120_000)

let subjects: Partial<Record<PersonalLinkKind, [string, string]>> = {}

afterAll(async () => {
  console.info(`role × route matrix: ${cases} cases`)
  await db?.$disconnect()
  await app?.stop()
})

/** A concrete URL for a /beheer pattern: the seeded event's own ids; unknown ids where the seed has none. */
function urlFor(pattern: string) {
  return fillPattern(pattern, (name, p) => {
    if (name === 'id') {
      if (p.startsWith('/beheer/bijeenkomsten/')) return ids.event
      if (p.startsWith('/beheer/organisaties/')) return ids.organisation
      if (p.startsWith('/beheer/sprekers/')) return ids.speaker
      if (p.startsWith('/beheer/programmas/')) return ids.programme
      if (p.startsWith('/beheer/contacten/importeren/')) return 'cunknownid0000000000000000'
      if (p.startsWith('/beheer/contacten/')) return ids.contact
      if (p.startsWith('/beheer/medewerkers/')) return ids.user
      return 'cunknownid0000000000000000'
    }
    const values: Record<string, string | undefined> = {
      registrationId: ids.registration,
      speakerId: ids.speaker,
      statementId: ids.statement,
      itemId: ids.item,
      invitationId: ids.invitation,
      kind: 'invitation',
      format: 'html',
      index: '0',
    }
    return values[name]
  })
}

/** Opens a personal link as its mail's recipient does: the token for a cookie, and the page it sends to. */
async function openLink(path: string) {
  cases++
  const opened = await fetch(app.url + path, { redirect: 'manual' })
  expect(opened.status, path).toBe(303)
  const cookie = opened.headers.getSetCookie().find((c) => /^(__Secure-)?bijeen_(link|activation)/.test(c))
  expect(cookie, `the link session cookie of ${path}: ${opened.headers.getSetCookie().join(' | ')}`).toBeDefined()
  return { path: opened.headers.get('location')!, cookie: cookie!.split(';')[0]! }
}

const expectedGet = (entry: Entry, who: Who) => {
  if (who === 'anonymous') return 302
  if (entry.get !== 'signed-in' && rank[who] < rank[entry.get]) return 403
  return entry.found ?? 200
}

/** A refused or foreign answer must not hold any fixture's name, nor the sign-in page's state of another user. */
function leaks(response: RawResponse, markers: string[]) {
  return markers.filter((m) => response.body.includes(m))
}

describe('role × route matrix for /beheer', () => {
  const beheer = routeFiles().filter((r) => r.file.startsWith('beheer'))
  const outside = routeFiles().filter((r) => !r.file.startsWith('beheer'))

  test('every route file has an entry, and the entries match the files', () => {
    expect(beheer.map((r) => r.file).filter((f) => !BEHEER[f])).toEqual([])
    expect(outside.map((r) => r.file).filter((f) => !OUTSIDE[f])).toEqual([])
    expect(Object.keys(BEHEER).filter((f) => !beheer.some((r) => r.file === f))).toEqual([])
    expect(Object.keys(OUTSIDE).filter((f) => !outside.some((r) => r.file === f))).toEqual([])
    // An action without an entry for POST (or the reverse) is a table out of date.
    expect(beheer.filter((r) => r.hasAction !== Boolean(BEHEER[r.file]!.post)).map((r) => r.file)).toEqual([])
  })

  for (const who of WHO) {
    test(`every page and action as ${who}`, async () => {
      const before = await snapshot([ids.invitation])
      const failures: string[] = []
      for (const route of beheer) {
        const entry = BEHEER[route.file]!
        const path = urlFor(route.pattern)
        const get = await request('GET', path + (entry.query ?? ''), cookies[who])
        const want = expectedGet(entry, who)
        if (get.status !== want) failures.push(`GET ${path} as ${who}: ${get.status}, expected ${want}`)
        if (
          get.status === 302 &&
          who === 'anonymous' &&
          !get.headers['location']?.startsWith('/inloggen?redirectTo=')
        ) {
          failures.push(`GET ${path}: redirected to ${get.headers['location']}`)
        }
        const refused = who === 'anonymous' || want === 403
        if (refused && leaks(get, [A, B]).length) {
          failures.push(`GET ${path} as ${who} leaks`)
        }
        if (!entry.post) continue
        const post = await request('POST', path, cookies[who])
        const allowed = who !== 'anonymous' && (entry.post === 'signed-in' || rank[who] >= rank[entry.post])
        if (who === 'anonymous') {
          if (post.status !== 302 || !post.headers['location']?.startsWith('/inloggen')) {
            failures.push(`POST ${path} as anonymous: ${post.status} ${post.headers['location'] ?? ''}`)
          }
        } else if (!allowed) {
          if (post.status !== 403) failures.push(`POST ${path} as ${who}: ${post.status}, expected 403`)
        } else if (post.status >= 500 || post.status === 403 || post.status === 401) {
          failures.push(`POST ${path} as ${who}: ${post.status} ${post.body.slice(0, 200)}`)
        }
        if (!allowed && leaks(post, [A, B]).length) failures.push(`POST ${path} as ${who} leaks`)
      }
      expect(failures).toEqual([])
      // A harmless body changes nothing, whoever sends it.
      expect(changed(before, await snapshot([ids.invitation]))).toEqual([])
    })
  }
})

describe('ids of another event in the address or the form', () => {
  const foreign = () => {
    const e = ids.event
    return [
      { path: `/beheer/bijeenkomsten/${e}/aanmeldingen/${ids.otherRegistration}`, body: 'intent=cancel' },
      { path: `/beheer/bijeenkomsten/${e}/programma/${ids.otherItem}`, body: 'intent=save-item&title=Gekaapt' },
      { path: `/beheer/bijeenkomsten/${e}/citaten/${ids.otherStatement}`, body: 'intent=authorise' },
      { path: `/beheer/bijeenkomsten/${e}/briefing/${ids.otherSpeaker}` },
      { path: `/beheer/bijeenkomsten/${e}/uitnodigingen/${ids.otherInvitation}/intrekken`, body: 'intent=revoke' },
    ]
  }
  const bodies = () => {
    const e = ids.event
    return [
      { path: `/beheer/bijeenkomsten/${e}/check-in`, body: `intent=id&registrationId=${ids.otherRegistration}` },
      { path: `/beheer/bijeenkomsten/${e}/check-in`, body: `intent=undo&registrationId=${ids.otherRegistration}` },
      { path: `/beheer/bijeenkomsten/${e}/programma`, body: `intent=delete&itemId=${ids.otherItem}` },
      { path: `/beheer/bijeenkomsten/${e}/programma`, body: `intent=move&itemId=${ids.otherItem}&direction=up` },
      { path: `/beheer/bijeenkomsten/${e}/sprekers`, body: `intent=revoke&speakerId=${ids.otherSpeaker}` },
      { path: `/beheer/bijeenkomsten/${e}/citaten`, body: `intent=remind&statementId=${ids.otherStatement}` },
      { path: `/beheer/bijeenkomsten/${e}/citaten`, body: `intent=request&speakerId=${ids.otherSpeaker}` },
    ]
  }

  test('a foreign id in the address: 404 for the page and the action, nothing changes', async () => {
    const before = await snapshot()
    const failures: string[] = []
    for (const { path, body } of foreign()) {
      for (const who of ['organiser', 'admin'] as const) {
        const get = await request('GET', path, cookies[who])
        if (get.status !== 404) failures.push(`GET ${path} as ${who}: ${get.status}`)
        if (leaks(get, [FOREIGN]).length) failures.push(`GET ${path} leaks`)
      }
      if (!body) continue
      const post = await request('POST', path, cookies.admin, body)
      // 404, or 400 where the form is checked before the id is looked up: a 4xx either way, and nothing changes.
      if (post.status !== 404 && post.status !== 400) failures.push(`POST ${path}: ${post.status}`)
      if (leaks(post, [FOREIGN]).length) failures.push(`POST ${path} leaks`)
    }
    expect(failures).toEqual([])
    expect(changed(before, await snapshot())).toEqual([])
  })

  test('a foreign id in the form: a 4xx, nothing changes', async () => {
    const before = await snapshot()
    const failures: string[] = []
    for (const { path, body } of bodies()) {
      const post = await request('POST', path, cookies.admin, body)
      // A reminder takes a list of this event's statements: another event's id is left out (none sent; the page
      // says "0 herinneringen" from the session), and back to the same quotes page.
      const none = post.status === 302 && path.endsWith('/citaten') && post.headers['location'] === path
      if (!none && (post.status < 400 || post.status >= 500)) failures.push(`POST ${path} ${body}: ${post.status}`)
      if (leaks(post, [FOREIGN]).length) failures.push(`POST ${path} ${body} leaks`)
    }
    expect(failures).toEqual([])
    expect(changed(before, await snapshot())).toEqual([])
  })
})

describe('personal links: own token, another person, expired, revoked', () => {
  const day = 24 * 3600 * 1000
  const link = (kind: PersonalLinkKind, subjectId: string, expiresAt = new Date(Date.now() + 30 * day)) =>
    createPersonalLink({ kind, subjectId, eventId: ids.event, expiresAt }, db)
  const revoked = async (kind: PersonalLinkKind, subjectId: string) => {
    const token = await link(kind, subjectId)
    await db.personalLink.update({ where: { tokenHash: hashToken(token) }, data: { revokedAt: new Date() } })
    return token
  }
  const pages: Array<{ kind: PersonalLinkKind; base: string; subpages: string[]; names: boolean }> = [
    { kind: 'invitation', base: '/uitnodiging', subpages: [''], names: true },
    { kind: 'registration', base: '/aanmelding', subpages: [''], names: true },
    { kind: 'speaker', base: '/spreker', subpages: ['', '/briefing', '/citaten', '/profiel'], names: true },
    // Both links point at the one draft report: only the session rules are tested here.
    { kind: 'report', base: '/verslag', subpages: [''], names: false },
  ]

  for (const { kind, base, subpages, names } of pages) {
    test(`${base}/:token`, async () => {
      const [a, b] = subjects[kind]!
      const otherKind = kind === 'speaker' ? 'registration' : 'speaker'
      const tokens = {
        a: await link(kind, a),
        b: await link(kind, b),
        expired: await link(kind, a, new Date(Date.now() - 1000)),
        revoked: await revoked(kind, a),
        otherKind: await link(otherKind, subjects[otherKind]![0]),
      }
      const before = await snapshot()
      const own = await openLink(`${base}/${tokens.a}`)
      const otherPath = (await openLink(`${base}/${tokens.b}`)).path
      expect(own.path).toMatch(new RegExp(`^${base}/[a-z0-9]+$`))
      for (const sub of subpages) {
        const page = await request('GET', own.path + sub, own.cookie)
        if (kind !== 'report') expect(page.status, `${own.path}${sub}`).toBe(200)
        else expect(page.status).toBeLessThan(500)
        if (names && sub === '') expect(page.body).toContain(A)
        expect(page.body).not.toContain(B)
        // Another person's page with one's own cookie: the link session is theirs alone.
        const hasAction = routeFiles().some((r) => r.pattern === `${base}/:token${sub}` && r.hasAction)
        for (const method of hasAction ? (['GET', 'POST'] as const) : (['GET'] as const)) {
          const foreign = await request(method, otherPath + sub, own.cookie)
          expect(foreign.status, `${method} ${otherPath}${sub} with A's cookie`).toBe(401)
          expect(leaks(foreign, [A, B])).toEqual([])
        }
        // Without a cookie the link id opens nothing.
        expect((await request('GET', own.path + sub, '')).status).toBe(401)
      }
      // Expired and revoked: 410 with the root's page; unknown and a token of another kind: 404.
      expect((await request('GET', `${base}/${tokens.expired}`, '')).status).toBe(410)
      expect((await request('GET', `${base}/${tokens.revoked}`, '')).status).toBe(410)
      expect((await request('GET', `${base}/${randomToken()}`, '')).status).toBe(404)
      expect((await request('GET', `${base}/${tokens.otherKind}`, '')).status).toBe(404)
      expect(changed(before, await snapshot())).toEqual([])
    })
  }

  for (const { kind, path } of [
    { kind: 'registration_feed' as const, path: (t: string) => `/aanmelding/${t}/agenda.ics` },
    { kind: 'speaker_feed' as const, path: (t: string) => `/spreker/${t}/agenda.ics` },
  ]) {
    test(`${path(':token')}`, async () => {
      const [a] = subjects[kind]!
      const own = await request('GET', path(await link(kind, a)), '')
      expect(own.status).toBe(200)
      expect(own.headers['content-type']).toMatch(/^text\/calendar/)
      expect(own.body).not.toContain(B)
      expect((await request('GET', path(await link(kind, a, new Date(Date.now() - 1000))), '')).status).toBe(410)
      expect((await request('GET', path(await revoked(kind, a)), '')).status).toBe(410)
      expect((await request('GET', path(randomToken()), '')).status).toBe(404)
      // The page link is not a feed link: a calendar URL cannot be made from a manage or portal token.
      const pageKind = kind === 'registration_feed' ? 'registration' : 'speaker'
      expect((await request('GET', path(await link(pageKind, a)), '')).status).toBe(404)
    })
  }

  test('/activeren/:token', async () => {
    const account = async (name: string, change: { expiresAt?: Date; revokedAt?: Date } = {}) => {
      const email = `${name.replace(/\W/g, '').toLowerCase()}-${cases}@example.org`
      const user = await db.user.create({ data: { email, name, role: 'viewer', passwordHash: '' } })
      const token = randomToken()
      await db.accountLink.create({
        data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3 * day), ...change },
      })
      return token
    }
    const open = (token: string) => openLink(`/activeren/${token}`)
    const own = await open(await account(A))
    const other = await open(await account(B))
    const page = await request('GET', own.path, own.cookie)
    expect(page.status).toBe(200)
    expect(page.body).toContain(A)
    for (const method of ['GET', 'POST'] as const) {
      const foreign = await request(
        method,
        other.path,
        own.cookie,
        'password=een%20lange%20zin%20van%20woorden&confirm=een%20lange%20zin%20van%20woorden',
      )
      expect(foreign.status, `${method} another's activation with A's cookie`).toBe(401)
      expect(leaks(foreign, [A, B])).toEqual([])
    }
    expect(
      (await request('GET', `/activeren/${await account('Verlopen', { expiresAt: new Date(Date.now() - 1000) })}`, ''))
        .status,
    ).toBe(410)
    expect(
      (await request('GET', `/activeren/${await account('Ingetrokken', { revokedAt: new Date() })}`, '')).status,
    ).toBe(410)
  })
})
