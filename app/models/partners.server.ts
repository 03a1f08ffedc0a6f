// Partner organisations, their contacts and their seat quota per event, and the exports of both lists.
// Searches ignore case and accents on both databases (app/domain/search.ts); an address is unique whatever its
// case (LOWER(...) in raw SQL: Prisma's `mode: 'insensitive'` does not exist on SQLite).
import type { ContactValues, OrganisationValues } from '~/domain/partners'
import type { SectorKey } from '~/domain/sectors'
import { normaliseEmail } from '~/domain/person-fields'
import { matchesSearch } from '~/domain/search'
import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'
import { containsPattern } from '~/utils/search-fold'
import { select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'
import { audit } from './audit.server'
import { promoteWaitlisted, sweepWaitlists } from './registration.server'

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'

/** `%text%` for LIKE, with the wildcards in the text itself escaped (ESCAPE '\'). */

// ---------------------------------------------------------------------------------------------------------
// Organisations

export type OrganisationFilter = { q?: string; sector?: SectorKey }

async function organisationIdsMatching(q: string) {
  const rows = await db.organisation.findMany({ select: { id: true, name: true, shortName: true } })
  return rows.filter((r) => matchesSearch(q, [r.name, r.shortName])).map((r) => r.id)
}

export async function listOrganisations(filter: OrganisationFilter = {}) {
  const where: Prisma.OrganisationWhereInput = {}
  if (filter.sector) where.sector = filter.sector
  if (filter.q) where.id = { in: await organisationIdsMatching(filter.q) }
  const organisations = await db.organisation.findMany({
    where,
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      shortName: true,
      sector: true,
      seatQuota: true,
      _count: { select: { contacts: true } },
    },
  })
  return organisations.map(({ _count, ...o }) => ({ ...o, contacts: _count.contacts }))
}

export function organisationChoices() {
  return db.organisation.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, sector: true } })
}

export function getOrganisation(id: string) {
  return db.organisation.findUnique({
    where: { id },
    include: { _count: { select: { contacts: true, registrations: true, hostedEvents: true } } },
  })
}

async function organisationNameTaken(name: string, exceptId: string | null) {
  const rows = await sqlDriver().read(
    select<{ id: string }>(portableSql(`SELECT "id" FROM "Organisation" WHERE LOWER("name") = ?`), name.toLowerCase()),
  )
  return rows.some((r) => r.id !== exceptId)
}

export type SaveOutcome = { kind: 'saved'; id: string } | { kind: 'taken' } | { kind: 'not-found' }

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]

/** Creates or updates a row and records which fields were written (no values: they are personal data). */
async function savedWithAudit(
  entity: 'Organisation' | 'Contact',
  id: string | null,
  data: object,
  actorUserId: string,
  write: (tx: Tx) => Promise<{ id: string }>,
) {
  return db.$transaction(async (tx) => {
    const row = await write(tx)
    const action = `${entity === 'Organisation' ? 'organisation' : 'contact'}.${id ? 'update' : 'create'}` as const
    await audit({ actorUserId, action, entity, entityId: row.id, details: { fields: Object.keys(data) } }, tx)
    return row
  })
}

export async function saveOrganisation(
  id: string | null,
  values: OrganisationValues,
  actorUserId: string,
): Promise<SaveOutcome> {
  if (id && !(await db.organisation.findUnique({ where: { id }, select: { id: true } }))) return { kind: 'not-found' }
  if (await organisationNameTaken(values.name, id)) return { kind: 'taken' }
  const data = {
    name: values.name,
    shortName: values.shortName || null,
    sector: values.sector,
    seatQuota: values.seatQuota,
  }
  try {
    const saved = await savedWithAudit('Organisation', id, data, actorUserId, (tx) =>
      id ? tx.organisation.update({ where: { id }, data }) : tx.organisation.create({ data }),
    )
    // A higher default quota frees seats for this organisation's people on waitlists.
    if (id) await sweepWaitlists({ organisationId: saved.id })
    return { kind: 'saved', id: saved.id }
  } catch (error) {
    // Two secretaries saving the same name at once: the unique index decides.
    if (isUniqueViolation(error)) return { kind: 'taken' }
    throw error
  }
}

export type DeleteOutcome =
  | { kind: 'deleted' }
  | { kind: 'not-found' }
  | { kind: 'in-use'; contacts: number; registrations: number; events: number }

/** Deletes an organisation only when nothing refers to it; registrations and hosted events count too. */
export async function deleteOrganisation(id: string, actorUserId: string): Promise<DeleteOutcome> {
  const organisation = await getOrganisation(id)
  if (!organisation) return { kind: 'not-found' }
  const { contacts, registrations, hostedEvents } = organisation._count
  if (contacts || registrations || hostedEvents)
    return { kind: 'in-use', contacts, registrations, events: hostedEvents }
  try {
    await db.$transaction(async (tx) => {
      await tx.organisation.delete({ where: { id } })
      await audit({ actorUserId, action: 'organisation.delete', entity: 'Organisation', entityId: id }, tx)
    })
  } catch (error) {
    // A contact added in the meantime: the foreign key (Restrict) refuses the delete.
    if ((error as { code?: string }).code === 'P2003')
      return { kind: 'in-use', contacts: 1, registrations: 0, events: 0 }
    throw error
  }
  return { kind: 'deleted' }
}

// ---------------------------------------------------------------------------------------------------------
// Contacts

export type ContactFilter = { q?: string; organisationId?: string; sector?: SectorKey }

// A contact search runs in the database (bijeen_fold ignores case and accents, app/utils/search-fold.ts): the
// count and one page of ids, so that 20,000 contacts are not read to show a hundred.
function contactSearchSql(filter: ContactFilter & { q: string }) {
  const pattern = containsPattern(filter.q)
  const conditions = [
    `(${['c."name"', 'c."email"', 'o."name"'].map((c) => `bijeen_fold(${c}) LIKE ? ESCAPE '\\'`).join(' OR ')})`,
  ]
  const params: unknown[] = [pattern, pattern, pattern]
  const casts: Array<string | null> = [null, null, null]
  if (filter.organisationId) {
    conditions.push(`c."organisationId" = ?`)
    params.push(filter.organisationId)
    casts.push(null)
  }
  if (filter.sector) {
    conditions.push(`o."sector" = ?`)
    params.push(filter.sector)
    casts.push('"Sector"')
  }
  const from = `FROM "Contact" c JOIN "Organisation" o ON o."id" = c."organisationId" WHERE ${conditions.join(' AND ')}`
  return { from, params, casts }
}

/** The contacts a search selects, in name order: their number and the ids of `limit` from `offset`. */
export async function searchContacts(filter: ContactFilter & { q: string }, limit: number, offset = 0) {
  const { from, params, casts } = contactSearchSql(filter)
  return sqlDriver().read(
    (function* () {
      const [row] = yield* select<{ n: number }>(portableSql(`SELECT COUNT(*) AS "n" ${from}`, casts), ...params)
      const ids = yield* select<{ id: string }>(
        portableSql(
          `SELECT c."id" ${from} ORDER BY c."name", c."email", c."id" LIMIT ${limit} OFFSET ${offset}`,
          casts,
        ),
        ...params,
      )
      return { total: Number(row!.n), ids: ids.map((r) => r.id) }
    })(),
  )
}

/** Contacts whose name, e-mail or organisation contains the query, ignoring case and accents (all of them). */
export async function contactIdsMatching(q: string) {
  const { from, params, casts } = contactSearchSql({ q })
  const rows = await sqlDriver().read(select<{ id: string }>(portableSql(`SELECT c."id" ${from}`, casts), ...params))
  return rows.map((r) => r.id)
}

async function contactWhere(filter: ContactFilter): Promise<Prisma.ContactWhereInput> {
  const where: Prisma.ContactWhereInput = {}
  if (filter.organisationId) where.organisationId = filter.organisationId
  if (filter.sector) where.organisation = { sector: filter.sector }
  if (filter.q) where.id = { in: await contactIdsMatching(filter.q) }
  return where
}

const contactSelect = {
  id: true,
  name: true,
  email: true,
  function: true,
  language: true,
  organisation: { select: { id: true, name: true, sector: true } },
} as const

export const CONTACTS_PER_PAGE = 100

export async function listContacts(filter: ContactFilter = {}, page = 1) {
  const skip = (page - 1) * CONTACTS_PER_PAGE
  const q = filter.q
  if (q) {
    const { total, ids } = await searchContacts({ ...filter, q }, CONTACTS_PER_PAGE, skip)
    const rows = await db.contact.findMany({ where: { id: { in: ids } }, select: contactSelect })
    const contacts = rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    return { total, contacts, pages: Math.max(1, Math.ceil(total / CONTACTS_PER_PAGE)) }
  }
  const where = await contactWhere(filter)
  const [total, contacts] = await Promise.all([
    db.contact.count({ where }),
    db.contact.findMany({
      where,
      orderBy: [{ name: 'asc' }, { email: 'asc' }, { id: 'asc' }],
      select: contactSelect,
      skip,
      take: CONTACTS_PER_PAGE,
    }),
  ])
  return { total, contacts, pages: Math.max(1, Math.ceil(total / CONTACTS_PER_PAGE)) }
}

/** Every contact the filter selects, for an export. */
export async function contactsForExport(filter: ContactFilter) {
  return db.contact.findMany({
    where: await contactWhere(filter),
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: contactSelect,
  })
}

export function getContact(id: string) {
  return db.contact.findUnique({ where: { id }, include: { _count: { select: { invitations: true } } } })
}

/** The contact that holds this address, whatever its case. */
export async function contactIdByEmail(email: string) {
  const rows = await sqlDriver().read(
    select<{ id: string }>(portableSql(`SELECT "id" FROM "Contact" WHERE LOWER("email") = ?`), normaliseEmail(email)),
  )
  return rows[0]?.id ?? null
}

export type ContactSaveOutcome = SaveOutcome | { kind: 'no-organisation' }

export async function saveContact(
  id: string | null,
  values: ContactValues,
  actorUserId: string,
): Promise<ContactSaveOutcome> {
  if (id && !(await db.contact.findUnique({ where: { id }, select: { id: true } }))) return { kind: 'not-found' }
  if (!(await db.organisation.findUnique({ where: { id: values.organisationId }, select: { id: true } })))
    return { kind: 'no-organisation' }
  const holder = await contactIdByEmail(values.email)
  if (holder && holder !== id) return { kind: 'taken' }
  const data = {
    name: values.name,
    email: values.email,
    function: values.function,
    language: values.language,
    organisationId: values.organisationId,
  }
  try {
    const saved = await savedWithAudit('Contact', id, data, actorUserId, (tx) =>
      id ? tx.contact.update({ where: { id }, data }) : tx.contact.create({ data }),
    )
    return { kind: 'saved', id: saved.id }
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'taken' }
    throw error
  }
}

export type ContactDeleteOutcome = { kind: 'deleted' } | { kind: 'not-found' } | { kind: 'in-use' }

/** Deleting a contact would delete their invitations with it (cascade), so that is refused. */
export async function deleteContact(id: string, actorUserId: string): Promise<ContactDeleteOutcome> {
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id },
      select: { _count: { select: { invitations: true } } },
    })
    if (!contact) return { kind: 'not-found' as const }
    if (contact._count.invitations) return { kind: 'in-use' as const }
    await tx.contact.delete({ where: { id } })
    await audit({ actorUserId, action: 'contact.delete', entity: 'Contact', entityId: id }, tx)
    return { kind: 'deleted' as const }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Seats per event

export async function seatsForEvent(eventId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true } })
  if (!event) return null
  const [organisations, counters] = await Promise.all([
    db.organisation.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true, sector: true, seatQuota: true },
    }),
    db.organisationSeats.findMany({ where: { eventId } }),
  ])
  const byOrganisation = new Map(counters.map((c) => [c.organisationId, c]))
  return {
    event,
    rows: organisations.map((o) => {
      const counter = byOrganisation.get(o.id)
      const override = counter?.quota ?? null
      const held = counter?.confirmedCount ?? 0
      const effective = override ?? o.seatQuota
      return { ...o, override, held, overHeld: effective !== null && held > effective }
    }),
  }
}

/**
 * Sets (or clears, with null) this event's quota for an organisation. Only `quota` is written: the seat
 * counter belongs to registration.server.ts. A quota below what is already held is allowed; nobody is
 * removed, new registrations simply wait.
 */
export async function setEventQuota(
  eventId: string,
  organisationId: string,
  quota: number | null,
  actorUserId: string,
) {
  const [event, organisation] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: { id: true } }),
    db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, seatQuota: true } }),
  ])
  if (!event || !organisation) return null
  const counter = await db.$transaction(async (tx) => {
    const row = await tx.organisationSeats.upsert({
      where: { eventId_organisationId: { eventId, organisationId } },
      create: { eventId, organisationId, quota },
      update: { quota },
    })
    await audit(
      {
        actorUserId,
        action: 'organisation-seats.update',
        entity: 'Event',
        entityId: eventId,
        details: { organisationId, quota },
      },
      tx,
    )
    return row
  })
  // A higher quota frees seats for this organisation's people on the waitlist.
  await promoteWaitlisted(eventId)
  const effective = quota ?? organisation.seatQuota
  return {
    name: organisation.name,
    quota: effective,
    held: counter.confirmedCount,
    belowHeld: effective !== null && counter.confirmedCount > effective,
  }
}
