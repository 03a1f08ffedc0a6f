// Invitations, secretariat side, what the pages read: the list per event with each contact's status and the
// filters, its export, and the contacts to choose from when inviting. Creating, sending, reminding and
// revoking are in invitation-send.server.ts.
//
// Whether a mail failed is read from the outbox message of the latest send (app/domain/invitations.ts).
import { z } from 'zod'
import type { Sector } from '~/generated/prisma/enums'
import {
  invitationViewStatus,
  invitationViewStatuses,
  sendHistories,
  type InvitationViewStatus,
} from '~/domain/invitations'
import { SECTORS } from '~/domain/sectors'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { searchContacts } from './partners.server'

export async function historiesOf(eventId: string) {
  const messages = await db.outboxMessage.findMany({
    where: { eventId, kind: { in: ['invitation', 'reminder'] } },
    select: { idempotencyKey: true, status: true, createdAt: true },
  })
  return sendHistories(messages)
}

const eventSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  programmeId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  venueAddress: true,
  venuePostcode: true,
  venueCity: true,
  onlineUrl: true,
  registrationClosesAt: true,
} as const

export function getInvitationEvent(eventId: string) {
  return db.event.findUnique({ where: { id: eventId }, select: eventSelect })
}

// ─── The list ────────────────────────────────────────────────────────────────────────────────────────────

export type InvitationFilter = {
  status?: InvitationViewStatus
  organisationId?: string
  sector?: Sector
  q?: string
}

export type InvitationRow = {
  id: string
  name: string
  email: string
  organisationId: string
  organisation: string
  sector: Sector
  status: InvitationViewStatus
  sentAt: Date | null
  remindedAt: Date | null
  respondedAt: Date | null
  revokedAt: Date | null
}

// Filters come from the address bar (`?status=&organisatie=&sector=&zoek=`): anything unknown is ignored.
const filterSchema = z.object({
  status: z.enum(invitationViewStatuses).optional().catch(undefined),
  organisatie: z.string().max(100).optional().catch(undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  zoek: z.string().max(200).optional().catch(undefined),
})

export function filterFromUrl(url: URL): InvitationFilter {
  const f = filterSchema.parse(Object.fromEntries(url.searchParams))
  return { status: f.status, organisationId: f.organisatie || undefined, sector: f.sector, q: f.zoek }
}

const matches = (row: InvitationRow, q: string) =>
  [row.name, row.email, row.organisation].some((value) => value.toLowerCase().includes(q))

/** All invitations of an event with their status, counts per status, and what the filters can choose from. */
export async function listInvitations(eventId: string, filter: InvitationFilter = {}) {
  const event = await getInvitationEvent(eventId)
  if (!event) return null
  const [invitations, histories] = await Promise.all([
    db.invitation.findMany({
      where: { eventId },
      select: {
        id: true,
        status: true,
        sentAt: true,
        remindedAt: true,
        respondedAt: true,
        revokedAt: true,
        contact: {
          select: { name: true, email: true, organisation: { select: { id: true, name: true, sector: true } } },
        },
      },
    }),
    historiesOf(eventId),
  ])
  const all: InvitationRow[] = invitations
    .map((i) => ({
      id: i.id,
      name: i.contact.name,
      email: i.contact.email,
      organisationId: i.contact.organisation.id,
      organisation: i.contact.organisation.name,
      sector: i.contact.organisation.sector,
      status: invitationViewStatus(i, histories.get(i.id)),
      sentAt: i.sentAt,
      remindedAt: i.remindedAt,
      respondedAt: i.respondedAt,
      revokedAt: i.revokedAt,
    }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation, 'nl') || a.name.localeCompare(b.name, 'nl'))
  const counts = Object.fromEntries(
    (['pending', 'sent', 'failed', 'registered', 'declined', 'revoked'] as const).map((s) => [
      s,
      all.filter((r) => r.status === s).length,
    ]),
  ) as Record<InvitationViewStatus, number>
  const q = filter.q?.trim().toLowerCase()
  const rows = all.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!filter.organisationId || r.organisationId === filter.organisationId) &&
      (!filter.sector || r.sector === filter.sector) &&
      (!q || matches(r, q)),
  )
  const organisations = [...new Map(all.map((r) => [r.organisationId, r.organisation])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
  return { event, rows, total: all.length, counts, organisations }
}

/**
 * The filtered invitation list for a download, and an audit entry with counts only. The file itself (headers
 * in the reader's language) is built beside the export route.
 */
export async function exportInvitations(input: {
  eventId: string
  filter: InvitationFilter
  format: 'csv' | 'xlsx'
  actorUserId: string
}) {
  const list = await listInvitations(input.eventId, input.filter)
  if (!list) return null
  const { status, organisationId, sector, q } = input.filter
  await audit({
    actorUserId: input.actorUserId,
    action: 'invitations.exported',
    entity: 'Event',
    entityId: list.event.id,
    details: {
      format: input.format,
      rows: list.rows.length,
      filtered: Boolean(status || organisationId || sector || q),
    },
  })
  return { event: list.event, rows: list.rows }
}

// ─── Choosing contacts ────────────────────────────────────────────────────────────────────────────────────

const CANDIDATE_LIMIT = 200

/** Contacts to pick from (searched), organisations and sectors with their contact counts. */
export async function inviteCandidates(eventId: string, q: string) {
  const event = await getInvitationEvent(eventId)
  if (!event) return null
  const term = q.trim()
  // A search pages in the database (searchContacts); without one, the first contacts by name.
  const matching = term ? (await searchContacts({ q: term }, CANDIDATE_LIMIT + 1)).ids : null
  const [contacts, organisations, invited] = await Promise.all([
    db.contact.findMany({
      where: matching ? { id: { in: matching } } : undefined,
      select: { id: true, name: true, email: true, organisation: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { email: 'asc' }, { id: 'asc' }],
      take: CANDIDATE_LIMIT + 1,
    }),
    db.organisation.findMany({
      select: { id: true, name: true, sector: true, _count: { select: { contacts: true } } },
      orderBy: { name: 'asc' },
    }),
    db.invitation.findMany({ where: { eventId }, select: { contactId: true, revokedAt: true } }),
  ])
  const invitedIds = new Map(invited.map((i) => [i.contactId, i.revokedAt ? 'revoked' : 'invited']))
  const sectorCounts = new Map<Sector, number>()
  for (const o of organisations) sectorCounts.set(o.sector, (sectorCounts.get(o.sector) ?? 0) + o._count.contacts)
  return {
    event,
    contacts: contacts.slice(0, CANDIDATE_LIMIT).map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      organisation: c.organisation.name,
      invited: invitedIds.get(c.id) ?? null,
    })),
    more: contacts.length > CANDIDATE_LIMIT,
    organisations: organisations
      .filter((o) => o._count.contacts > 0)
      .map((o) => ({ id: o.id, name: o.name, sector: o.sector, contacts: o._count.contacts })),
    sectors: SECTORS.filter((s) => sectorCounts.get(s)).map((s) => ({ sector: s, contacts: sectorCounts.get(s)! })),
  }
}
