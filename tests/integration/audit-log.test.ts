// The audit log: what a change through a personal link or the public form records (who, what, from where, no
// personal data), and the admins' page: keyset pages over the whole log, the filters, and 403 for others.
import { describe, expect, test } from 'vitest'
import { listAuditEntries } from '~/models/audit.server'
import { parseAuditQuery } from '~/domain/audit'
import { loader } from '~/routes/beheer.audit'
import { action as registerAction } from '~/routes/bijeenkomsten.$slug.aanmelden'
import { db } from '~/utils/db.server'
import { createEvent, createProgramme, createUser } from '../factories.ts'
import { callRoute, formRequest, getRequest } from '../support/remix.ts'
import { signedInStaff } from '../support/staff-session.ts'

async function cookieFor(role: 'admin' | 'organiser' | 'viewer') {
  const { user, cookie } = await signedInStaff(db, role)
  return { user, cookie }
}

describe('what an entry holds', () => {
  test('a public registration: the visitor, the coarse origin, ids and codes only', async () => {
    const programme = await createProgramme(db)
    const event = await createEvent(db, programme.id, { visibility: 'public', title: 'Open middag' })
    const person = { name: 'Fatima el Amrani', email: `fatima-${event.id}@example.org` }
    const result = await callRoute(
      registerAction,
      formRequest(
        `/bijeenkomsten/${event.slug}/aanmelden`,
        { ...person, organisationName: 'Stichting Hulp', language: 'nl', website: '' },
        { 'x-bijeen-client-ip': '192.168.17.42', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' },
      ),
      { slug: event.slug },
    )
    expect(result.status).toBe(303)
    const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } })
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: registration.id } })
    expect(entry).toMatchObject({
      action: 'registration.created',
      entity: 'Registration',
      actorUserId: null,
      actorLabel: 'public',
      origin: '192.168.17.x · Firefox op Linux',
      details: { eventId: event.id, status: 'confirmed', invitationId: null },
    })
    const stored = JSON.stringify(entry)
    for (const value of [person.name, person.email, 'Fatima', 'Stichting Hulp', '192.168.17.42']) {
      expect(stored).not.toContain(value)
    }
  })

  test('outside a request (a worker job) the origin is "system"', async () => {
    const { audit } = await import('~/models/audit.server')
    const entry = await audit({
      actorLabel: 'system',
      action: 'statement.reminded',
      entity: 'Statement',
      entityId: 'x',
    })
    expect(entry.origin).toBe('system')
  })

  test('details with an address or free text are refused before anything is written', async () => {
    const { audit } = await import('~/models/audit.server')
    const before = await db.auditEntry.count()
    expect(() =>
      audit({ action: 'contact.update', entity: 'Contact', entityId: 'x', details: { to: 'a@example.org' } }),
    ).toThrow(/details.to/)
    expect(await db.auditEntry.count()).toBe(before)
  })
})

describe('the audit page', () => {
  test('pages by keyset through the whole log, newest first, each row once', async () => {
    const { user } = await createUser(db, { role: 'admin' })
    const base = Date.UTC(2026, 0, 1)
    // 120 entries, some sharing a moment: the id breaks the tie.
    await db.auditEntry.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        actorUserId: user.id,
        action: i % 3 === 0 ? 'event.updated' : 'contact.update',
        entity: i % 3 === 0 ? 'Event' : 'Contact',
        entityId: `e${i}`,
        at: new Date(base + Math.floor(i / 2) * 60_000),
        origin: '10.0.0.x · Chrome op Linux',
      })),
    })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const params = new URLSearchParams({ wie: user.id })
      if (cursor) params.set('voor', cursor)
      const page = await listAuditEntries(parseAuditQuery(params).query)
      seen.push(...page.entries.map((e) => e.entityId))
      const times = page.entries.map((e) => e.at.getTime())
      expect(times).toEqual([...times].sort((a, b) => b - a))
      cursor = page.next
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(120)
    expect(new Set(seen).size).toBe(120)

    const events = await listAuditEntries(
      parseAuditQuery(new URLSearchParams({ wie: user.id, onderdeel: 'Event' })).query,
    )
    expect(events.entries).toHaveLength(40)
    expect(events.entries.every((e) => e.entity === 'Event')).toBe(true)
    const byAction = await listAuditEntries(
      parseAuditQuery(new URLSearchParams({ wie: user.id, actie: 'contact.update' })).query,
    )
    expect(byAction.entries.every((e) => e.action === 'contact.update')).toBe(true)
    // 1 January 2026 in Amsterdam: the first 60 minutes after midnight UTC are on that day.
    const day = await listAuditEntries(
      parseAuditQuery(new URLSearchParams({ wie: user.id, van: '2026-01-01', tot: '2026-01-01' })).query,
    )
    expect(day.entries.length).toBe(50)
    expect(day.next).not.toBeNull()
    const none = await listAuditEntries(parseAuditQuery(new URLSearchParams({ wie: user.id, van: '2026-01-02' })).query)
    expect(none.entries).toEqual([])
    expect(parseAuditQuery(new URLSearchParams({ van: '0000-01-01' })).badDate).toBe(true)
  })

  test('admins see it; organisers and viewers get a 403; signed out goes to the sign-in page', async () => {
    const admin = await cookieFor('admin')
    const shown = await callRoute(loader, getRequest('/beheer/audit', { cookie: admin.cookie }))
    expect(shown.status).toBe(200)
    const data = shown.data as { entries: Array<{ action: string; actor: { id: string } | null }> }
    expect(data.entries.some((e) => e.action === 'sign-in' && e.actor?.id === admin.user.id)).toBe(true)
    for (const role of ['organiser', 'viewer'] as const) {
      const { cookie } = await cookieFor(role)
      expect((await callRoute(loader, getRequest('/beheer/audit', { cookie }))).status).toBe(403)
    }
    const anonymous = await callRoute(loader, getRequest('/beheer/audit'))
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toContain('/inloggen')
    // Hostile query values are ignored, not a 500.
    const odd = await callRoute(
      loader,
      getRequest('/beheer/audit?wie=%27%20OR%201%3D1&actie=drop&voor=abc&van=1900-13-45', { cookie: admin.cookie }),
    )
    expect(odd.status).toBe(200)
  })
})
