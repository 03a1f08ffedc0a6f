// The data-subject rights of the AVG for one person, found by e-mail address: what bijeen holds on them
// (art. 15, personalData) and erasure (art. 17, erasePerson). Erasure anonymises what counts need (registrations,
// contacts, sent mails keep their row) and deletes the rest (a speaker's profile, photo, statements and links).
// The one thing it does not decide alone is an authorised quote in a published report: the secretariat says per
// quote whether it stays (exactly as authorised) or goes from every published version. The audit log records
// that an erasure or export happened and the counts, never who it was about.
import { randomBytes } from 'node:crypto'
import { Prisma } from '~/generated/prisma/client'
import { normaliseEmail } from '~/domain/person-fields'
import type { ReportSnapshot } from '~/domain/report'
import { anonymousRegistration, eraseSpeakerFromSnapshot, speakerQuotesInSnapshot } from '~/domain/retention'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { deleteSpeakerPhoto } from './photo.server'

const variants = (email: string) => [...new Set([email.trim(), normaliseEmail(email)])]
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

// ─── Export (art. 15) ─────────────────────────────────────────────────────────────────────────────────────

export type PersonalData = Awaited<ReturnType<typeof personalData>>

/** Everything bijeen holds on the person with this address, as plain JSON (dates as ISO strings). */
export async function personalData(email: string, now = new Date()) {
  const emails = variants(email)
  const [staff, contacts, registrations, speakers, delegateOf, mails] = await Promise.all([
    db.user.findFirst({
      where: { email: { in: emails } },
      select: { name: true, email: true, role: true, language: true, createdAt: true, lastLoginAt: true },
    }),
    db.contact.findMany({
      where: { email: { in: emails } },
      include: {
        organisation: { select: { name: true, sector: true } },
        invitations: {
          include: { event: { select: { title: true, startsAt: true } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    }),
    db.registration.findMany({
      where: { email: { in: emails } },
      include: { event: { select: { title: true, startsAt: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.speaker.findMany({
      where: { email: { in: emails } },
      include: {
        organisation: { select: { name: true } },
        participations: {
          include: { agendaItem: { select: { title: true, startsAt: true, event: { select: { title: true } } } } },
        },
        statements: {
          include: {
            event: { select: { title: true } },
            versions: { orderBy: { createdAt: 'asc' } },
          },
          orderBy: { createdAt: 'asc' },
        },
      },
    }),
    db.speaker.findMany({
      where: { delegateEmail: { in: emails } },
      select: { name: true, delegateName: true, delegateEmail: true },
    }),
    db.outboxMessage.findMany({
      where: { to: { in: emails } },
      select: {
        kind: true,
        to: true,
        toName: true,
        subject: true,
        text: true,
        status: true,
        createdAt: true,
        sentAt: true,
        purgedAt: true,
      },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  return {
    email: normaliseEmail(email),
    generatedAt: now.toISOString(),
    staffAccount: staff ? { ...staff, createdAt: iso(staff.createdAt), lastLoginAt: iso(staff.lastLoginAt) } : null,
    contacts: contacts.map((c) => ({
      name: c.name,
      email: c.email,
      function: c.function,
      language: c.language,
      organisation: c.organisation.name,
      sector: c.organisation.sector,
      createdAt: iso(c.createdAt),
      invitations: c.invitations.map((i) => ({
        event: i.event.title,
        eventStartsAt: iso(i.event.startsAt),
        status: i.status,
        sentAt: iso(i.sentAt),
        remindedAt: iso(i.remindedAt),
        respondedAt: iso(i.respondedAt),
        revokedAt: iso(i.revokedAt),
      })),
    })),
    registrations: registrations.map((r) => ({
      event: r.event.title,
      eventStartsAt: iso(r.event.startsAt),
      name: r.name,
      email: r.email,
      organisation: r.organisationName,
      function: r.function,
      language: r.language,
      dietary: r.dietary,
      accessibility: r.accessibility,
      photoConsent: r.photoConsent,
      answers: r.answers ?? null,
      status: r.status,
      registeredByColleague: r.registeredById !== null,
      checkedInAt: iso(r.checkedInAt),
      cancelledAt: iso(r.cancelledAt),
      createdAt: iso(r.createdAt),
    })),
    speakerProfiles: speakers.map((s) => ({
      honorific: s.honorific,
      name: s.name,
      function: s.function,
      organisation: s.organisation?.name ?? null,
      attribution: s.attribution,
      bio: s.bio,
      email: s.email,
      language: s.language,
      hasPhoto: s.photoPath !== null,
      photoCredit: s.photoCredit,
      delegateName: s.delegateName,
      delegateEmail: s.delegateEmail,
      consentPublishName: s.consentPublishName,
      consentPublishPhoto: s.consentPublishPhoto,
      consentPublishQuotes: s.consentPublishQuotes,
      participations: s.participations.map((p) => ({
        event: p.agendaItem.event.title,
        item: p.agendaItem.title,
        startsAt: iso(p.agendaItem.startsAt),
        role: p.role,
        status: p.status,
        responseMessage: p.responseMessage,
      })),
      statements: s.statements.map((st) => ({
        event: st.event.title,
        status: st.status,
        prompt: st.prompt,
        authorisedAt: iso(st.authorisedAt),
        versions: st.versions.map((v) => ({
          text: v.text,
          language: v.language,
          author: v.authorKind,
          createdAt: iso(v.createdAt),
          authorised: v.id === st.authorisedVersionId,
        })),
      })),
    })),
    delegateFor: delegateOf.map((d) => ({
      speaker: d.name,
      delegateName: d.delegateName,
      delegateEmail: d.delegateEmail,
    })),
    mails: mails.map((m) => ({
      kind: m.kind,
      to: m.to,
      toName: m.toName,
      subject: m.subject,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      // Past the retention period only the fact of the mail is kept.
      text: m.purgedAt ? null : m.text,
    })),
  }
}

/** Records that an export was made: the format only, not whose data it was. */
export function recordExport(actorUserId: string, format: 'json' | 'html') {
  return audit({
    actorUserId,
    action: 'privacy.export',
    entity: 'Person',
    entityId: randomBytes(8).toString('hex'),
    details: { format },
  })
}

// ─── Erasure (art. 17) ────────────────────────────────────────────────────────────────────────────────────

export type PublishedQuote = {
  statementId: string
  text: string
  attribution: string
  event: string
  report: string
  versions: number[]
}

export type ErasurePreview = {
  found: boolean
  counts: { contacts: number; registrations: number; speakerProfiles: number; delegateFor: number; mails: number }
  staffAccount: boolean
  /** Authorised quotes of this person in published reports: each needs the secretariat's decision. */
  quotes: PublishedQuote[]
}

async function speakersOf(emails: string[]) {
  return db.speaker.findMany({ where: { email: { in: emails } }, select: { id: true, photoPath: true } })
}

/** The published report versions that may name these speakers: those of the events they spoke at or were quoted. */
async function publishedVersionsOf(speakerIds: string[]) {
  if (!speakerIds.length) return []
  const [statements, participations] = await Promise.all([
    db.statement.findMany({ where: { speakerId: { in: speakerIds } }, select: { eventId: true } }),
    db.participation.findMany({
      where: { speakerId: { in: speakerIds } },
      select: { agendaItem: { select: { eventId: true } } },
    }),
  ])
  const eventIds = [
    ...new Set([...statements.map((s) => s.eventId), ...participations.map((p) => p.agendaItem.eventId)]),
  ]
  return db.reportVersion.findMany({
    where: { report: { eventId: { in: eventIds } } },
    select: { id: true, version: true, snapshot: true, report: { select: { slug: true } } },
    orderBy: { version: 'asc' },
  })
}

async function publishedQuotes(speakerIds: string[]): Promise<PublishedQuote[]> {
  const quotes = new Map<string, PublishedQuote>()
  for (const v of await publishedVersionsOf(speakerIds)) {
    const snapshot = v.snapshot as unknown as ReportSnapshot
    for (const id of speakerIds) {
      for (const q of speakerQuotesInSnapshot(snapshot, id)) {
        const known = quotes.get(q.statementId)
        if (known) known.versions.push(v.version)
        else
          quotes.set(q.statementId, { ...q, event: snapshot.event.title, report: v.report.slug, versions: [v.version] })
      }
    }
  }
  return [...quotes.values()]
}

/** What an erasure of this address would touch, and the quotes that need a decision first. */
export async function erasurePreview(email: string): Promise<ErasurePreview> {
  const emails = variants(email)
  const speakers = await speakersOf(emails)
  const [contacts, registrations, delegateFor, mails, staff, quotes] = await Promise.all([
    db.contact.count({ where: { email: { in: emails } } }),
    db.registration.count({ where: { email: { in: emails } } }),
    db.speaker.count({ where: { delegateEmail: { in: emails } } }),
    db.outboxMessage.count({ where: { to: { in: emails } } }),
    db.user.count({ where: { email: { in: emails } } }),
    publishedQuotes(speakers.map((s) => s.id)),
  ])
  const counts = { contacts, registrations, speakerProfiles: speakers.length, delegateFor, mails }
  return { found: Object.values(counts).some((n) => n > 0), counts, staffAccount: staff > 0, quotes }
}

export type QuoteDecision = 'keep' | 'remove'

export type EraseOutcome =
  | {
      kind: 'erased'
      counts: ErasurePreview['counts'] & { quotesKept: number; quotesRemoved: number; reportVersions: number }
    }
  | { kind: 'not-found' }
  // A published quote without a decision (or one that appeared since the preview): show the list again.
  | { kind: 'decisions-missing'; quotes: PublishedQuote[] }

/**
 * Erases the person with this address. `decisions` must name every published quote of theirs (keep or
 * remove); otherwise nothing happens. Staff accounts are not touched here (they are ended in account management).
 */
export async function erasePerson(
  email: string,
  decisions: Record<string, QuoteDecision>,
  actorUserId: string,
  now = new Date(),
): Promise<EraseOutcome> {
  const emails = variants(email)
  const preview = await erasurePreview(email)
  if (!preview.found) return { kind: 'not-found' }
  if (preview.quotes.some((q) => decisions[q.statementId] !== 'keep' && decisions[q.statementId] !== 'remove'))
    return { kind: 'decisions-missing', quotes: preview.quotes }
  const remove = new Set(preview.quotes.filter((q) => decisions[q.statementId] === 'remove').map((q) => q.statementId))

  const speakers = await speakersOf(emails)
  const speakerIds = speakers.map((s) => s.id)
  const versions = await publishedVersionsOf(speakerIds)
  const contacts = await db.contact.findMany({
    where: { email: { in: emails } },
    select: { id: true, invitations: { select: { id: true } } },
  })
  const registrations = await db.registration.findMany({ where: { email: { in: emails } }, select: { id: true } })
  const delegates = await db.speaker.findMany({ where: { delegateEmail: { in: emails } }, select: { id: true } })
  const delegateIds = delegates.map((d) => d.id)

  const rewritten = versions.flatMap((v) => {
    let snapshot = v.snapshot as unknown as ReportSnapshot
    let changed = false
    for (const id of speakerIds) {
      const result = eraseSpeakerFromSnapshot(snapshot, id, remove)
      snapshot = result.snapshot
      changed ||= result.changed
    }
    return changed ? [{ id: v.id, snapshot }] : []
  })

  const mails = await db.$transaction(async (tx) => {
    // Published reports first: the erased speaker's name goes from the lists, removed quotes from the text.
    for (const v of rewritten) {
      await tx.reportVersion.update({
        where: { id: v.id },
        data: { snapshot: v.snapshot as unknown as Prisma.InputJsonValue },
      })
    }
    // Contacts keep their row (the invitation counts of reports), without anything that says who it was.
    for (const c of contacts) {
      await tx.contact.update({
        where: { id: c.id },
        data: { name: '', email: `verwijderd-${c.id}@example.invalid`, function: '' },
      })
    }
    const invitationIds = contacts.flatMap((c) => c.invitations.map((i) => i.id))
    await tx.personalLink.deleteMany({
      where: {
        OR: [
          { kind: 'invitation', subjectId: { in: invitationIds } },
          { kind: { in: ['registration', 'registration_feed'] }, subjectId: { in: registrations.map((r) => r.id) } },
          { kind: { in: ['speaker', 'speaker_feed'] }, subjectId: { in: speakerIds } },
          { kind: { in: ['speaker', 'speaker_feed'] }, subjectId: { in: delegateIds }, delegate: true },
        ],
      },
    })
    await tx.registration.updateMany({
      where: { id: { in: registrations.map((r) => r.id) } },
      data: { ...anonymousRegistration, answers: Prisma.DbNull, anonymisedAt: now },
    })
    // A speaker's profile, slots and statements go; the quotes kept live on in the published versions only.
    await tx.statement.updateMany({
      where: { speakerId: { in: speakerIds } },
      data: { authorisedVersionId: null, proposedVersionId: null },
    })
    await tx.statement.deleteMany({ where: { speakerId: { in: speakerIds } } })
    await tx.speaker.deleteMany({ where: { id: { in: speakerIds } } })
    // As someone's delegate: their name goes from that speaker and from what they wrote or authorised.
    await tx.speaker.updateMany({
      where: { id: { in: delegateIds } },
      data: { delegateName: null, delegateEmail: null },
    })
    await tx.statementVersion.updateMany({
      where: { authorKind: 'delegate', statement: { speakerId: { in: delegateIds } } },
      data: { authorName: '' },
    })
    await tx.statement.updateMany({
      where: { speakerId: { in: delegateIds }, authorisedBy: { startsWith: 'delegate' } },
      data: { authorisedBy: 'delegate' },
    })
    // Mails: the row stays as evidence that something was sent, without address or body; unsent ones stop.
    await tx.outboxMessage.updateMany({
      where: { to: { in: emails }, status: { in: ['queued', 'retry', 'sending'] } },
      data: { status: 'failed', lastError: 'erased' },
    })
    const mailCount = await tx.outboxMessage.updateMany({
      where: { to: { in: emails } },
      data: {
        to: '',
        toName: '',
        html: null,
        text: null,
        attachments: Prisma.DbNull,
        icsContent: null,
        parts: Prisma.DbNull,
        mergeValues: Prisma.DbNull,
        linkSecrets: Prisma.DbNull,
        serverResponse: null,
        purgedAt: now,
      },
    })
    for (const address of emails) await tx.devMail.deleteMany({ where: { to: { contains: address } } })
    return mailCount.count
  })
  for (const s of speakers) if (s.photoPath) await deleteSpeakerPhoto(s.photoPath)

  const counts = {
    ...preview.counts,
    mails,
    quotesKept: preview.quotes.length - remove.size,
    quotesRemoved: remove.size,
    reportVersions: rewritten.length,
  }
  // Counts only: an erasure must not leave the person's name or address behind in the audit log.
  await audit({
    actorUserId,
    action: 'privacy.erase',
    entity: 'Person',
    entityId: randomBytes(8).toString('hex'),
    details: counts,
  })
  return { kind: 'erased', counts }
}
