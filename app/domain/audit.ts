// What the audit log records: every action and entity by name, so that the audit page can label each one in
// Dutch and English (app/i18n/areas/audit.ts must have all of them) and offer them as filters.
import { DateTime } from 'luxon'
import { z } from 'zod'

export const AUDIT_ENTITIES = [
  'Event',
  'Programme',
  'AgendaItem',
  'Participation',
  'Organisation',
  'Contact',
  'ImportJob',
  'Invitation',
  'Registration',
  'RegistrationQuestion',
  'Speaker',
  'SpeakerInvitation',
  'Statement',
  'Report',
  'User',
  'OutboxMessage',
  // named by other branches of issue 15 (privacy: export, erasure and the purge)
  'Person',
  'Retention',
] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

export const AUDIT_ACTIONS = [
  'sign-in',
  // events and programmes
  'event.created',
  'event.updated',
  'event.copied',
  'event.status',
  'event.schedule-changed',
  'event.briefings-mailed',
  'programme.created',
  'programme.updated',
  'programme.moved',
  'action-line.saved',
  'action-line.moved',
  'agenda-item.created',
  'agenda-item.updated',
  'agenda-item.moved',
  'agenda-item.deleted',
  'participation.added',
  'participation.updated',
  'participation.removed',
  'participation.confirmed',
  'participation.declined',
  'question.created',
  'question.updated',
  'question.moved',
  'question.deleted',
  // partners
  'organisation.create',
  'organisation.update',
  'organisation.delete',
  'organisation-seats.update',
  'contact.create',
  'contact.update',
  'contact.delete',
  'contact-import.uploaded',
  'contact-import.checked',
  'contact.import',
  // invitations and registrations
  'invitation.created',
  'invitation.sent',
  'invitation.reminded',
  'invitation.revoked',
  'invitation.reopened',
  'invitation.declined',
  'invitations.exported',
  'registration.created',
  'registration.colleague-added',
  'registration.details-changed',
  'registration.cancelled',
  'registration.approved',
  'registration.rejected',
  'registration.confirmed',
  'registration.reviewed',
  'registration.promoted',
  'registration.checked-in',
  'registration.check-in-undone',
  'registration.link-mailed',
  'registration.feed-link-created',
  'registrations.exported',
  // speakers and statements
  'speaker.created',
  'speaker.updated',
  'speaker.profile-changed',
  'speaker.feed-link-created',
  'speaker-invitation.sent',
  'speaker-invitation.resent',
  'speaker-invitation.revoked',
  'statement.requested',
  'statement.reminded',
  'statement.submitted',
  'statement.proposed',
  'statement.proposed-edit',
  'statement.changes-requested',
  'statement.authorised',
  'statement.withdrawn',
  'statement.withdrawal-requested',
  'statement.embargo',
  // reports and mail
  'report.save',
  'report.publish',
  'report.mail',
  'mail.test-sent',
  // as other branches name them (issue 15 staff accounts and privacy, issue 17 agenda, speakers)
  'staff.invited',
  'staff.reinvited',
  'staff.role-changed',
  'staff.deactivated',
  'staff.reactivated',
  'account.password-set',
  'account.password-changed',
  'account.profile-changed',
  'two-factor.enabled',
  'two-factor.disabled',
  'two-factor.recovery-code-used',
  'two-factor.recovery-codes-renewed',
  'session.ended',
  'session.others-ended',
  'agenda.shifted',
  'event.speaker-day',
  'privacy.export',
  'privacy.erase',
  'retention.purge',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * Who acted when no staff account did: the holder of a personal link, a visitor of the public form, or the
 * app itself (the worker's jobs). Never a name: the audit log holds no personal data.
 */
export type AuditActorLabel = 'invitee' | 'registrant' | 'speaker' | 'delegate' | 'public' | 'system' | 'retention'

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value)
export const isAuditEntity = (value: string): value is AuditEntity =>
  (AUDIT_ENTITIES as readonly string[]).includes(value)

// Details hold ids, counts, flags, field names and codes. A string with a space, an @ or more than 100
// characters is not one of those, and a key outside this shape is refused, so a name, an address or free
// text cannot slip in.
const SAFE_STRING = /^[A-Za-z0-9_.:+-]{0,100}$/

/** The first value in `details` that is not an id, number, flag or code, as a path; null when all are. */
export function unsafeDetail(value: unknown, at = 'details'): string | null {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return null
  if (typeof value === 'string') return SAFE_STRING.test(value) ? null : at
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = unsafeDetail(item, `${at}[${i}]`)
      if (bad) return bad
    }
    return null
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!SAFE_STRING.test(key)) return `${at}.<key>`
      const bad = unsafeDetail(item, `${at}.${key}`)
      if (bad) return bad
    }
    return null
  }
  return at
}

// ─── The audit page ────────────────────────────────────────────────────────────────────────────────────────

export const AUDIT_ZONE = 'Europe/Amsterdam'
export const AUDIT_PAGE_SIZE = 50

const LABELS = ['invitee', 'registrant', 'speaker', 'delegate', 'public', 'system', 'retention'] as const

/** The page's query string: ?wie=<user id or label:…>&actie=&onderdeel=&van=&tot=&voor=<cursor>. */
export const auditQuerySchema = z.object({
  wie: z
    .string()
    .regex(/^(label:(invitee|registrant|speaker|delegate|public|system|retention)|[a-z0-9]{1,40})$/)
    .optional()
    .catch(undefined),
  actie: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  onderdeel: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  van: z.string().optional(),
  tot: z.string().optional(),
  voor: z
    .string()
    .regex(/^\d{13}_[A-Za-z0-9]{1,40}$/)
    .optional()
    .catch(undefined),
})

export type AuditQuery = {
  actorUserId?: string
  actorLabel?: AuditActorLabel
  action?: AuditAction
  entity?: AuditEntity
  /** The first moment shown, inclusive, and the moment after the last (UTC). */
  from?: Date
  until?: Date
  /** Entries strictly older than this (at, id): the keyset cursor of the next page. */
  before?: { at: Date; id: string }
}

/** A yyyy-mm-dd day in the audit zone: its start, or null when it is no real date in a sensible range. */
export function dayStart(value: string | undefined, plusDays = 0): Date | null | undefined {
  if (!value) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const day = DateTime.fromISO(value, { zone: AUDIT_ZONE })
  if (!day.isValid || day.year < 2000 || day.year > 2100) return null
  return day.startOf('day').plus({ days: plusDays }).toJSDate()
}

export function parseAuditQuery(params: URLSearchParams): { query: AuditQuery; badDate: boolean } {
  const raw = auditQuerySchema.parse(Object.fromEntries(params))
  const from = dayStart(raw.van)
  const until = dayStart(raw.tot, 1)
  const wie = raw.wie
  const label = wie?.startsWith('label:') ? (wie.slice(6) as AuditActorLabel) : undefined
  const [at, id] = raw.voor ? raw.voor.split('_') : []
  return {
    query: {
      actorUserId: wie && !label ? wie : undefined,
      actorLabel: label && (LABELS as readonly string[]).includes(label) ? label : undefined,
      action: raw.actie,
      entity: raw.onderdeel,
      from: from ?? undefined,
      until: until ?? undefined,
      before: at && id ? { at: new Date(Number(at)), id } : undefined,
    },
    badDate: from === null || until === null,
  }
}

export const auditCursor = (entry: { at: Date; id: string }) => `${entry.at.getTime()}_${entry.id}`

/** The secretariat's page for the entity of an entry, where there is one (a deleted one is not linked). */
export function auditEntityHref(entry: {
  action: string
  entity: string
  entityId: string
  details: unknown
}): string | null {
  if (/\.(delete|deleted|removed)$/.test(entry.action)) return null
  const details = (entry.details && typeof entry.details === 'object' ? entry.details : {}) as Record<string, unknown>
  const eventId = typeof details.eventId === 'string' ? details.eventId : null
  const id = encodeURIComponent(entry.entityId)
  switch (entry.entity) {
    case 'Event':
      return `/beheer/bijeenkomsten/${id}`
    case 'Programme':
      return `/beheer/programmas/${id}`
    case 'Organisation':
      return `/beheer/organisaties/${id}`
    case 'Contact':
      return `/beheer/contacten/${id}`
    case 'Speaker':
      return `/beheer/sprekers/${id}`
    case 'ImportJob':
      return `/beheer/contacten/importeren/${id}`
    case 'Registration':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/aanmeldingen/${id}` : null
    case 'AgendaItem':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/programma/${id}` : null
    case 'Statement':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/citaten/${id}` : null
    case 'Invitation':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/uitnodigingen` : null
    case 'RegistrationQuestion':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/vragen` : null
    case 'Participation':
      return eventId ? `/beheer/bijeenkomsten/${eventId}/sprekers` : null
    default:
      return null
  }
}
