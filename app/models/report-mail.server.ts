// Mailing a published report: to those who attended, to every invited partner, or to chosen organisations, as
// one bulk send through the outbox (progress at /beheer/verzendingen/:id). Each mail holds the lead and the
// link, in the recipient's language where an English version exists, and the PDF, stored once for the batch.
// A report for partners only is linked through a personal link per recipient (/verslag/<token>).
import { reportTexts } from '~/components/report-document'
import type { Language } from '~/generated/prisma/enums'
import { enqueueBulk, prepareBulk } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { hashToken, randomToken } from '~/utils/tokens.server'
import { audit } from './audit.server'
import { eventMailBase } from './event-mail.server'
import { reportPdf } from './report-export.server'
import { publishedReportOfEvent } from './report.server'

export type ReportAudience =
  { kind: 'attendees' } | { kind: 'invited' } | { kind: 'organisations'; organisationIds: string[] }

type Recipient = { email: string; name: string; language: Language }

/** Who gets the mail: one entry per address (lowercased), the first language found for it. */
async function recipientsOf(eventId: string, audience: ReportAudience): Promise<Recipient[]> {
  const rows: Recipient[] = []
  if (audience.kind === 'attendees' || audience.kind === 'organisations') {
    const registrations = await db.registration.findMany({
      where: {
        eventId,
        status: 'confirmed',
        ...(audience.kind === 'attendees'
          ? { checkedInAt: { not: null } }
          : { organisationId: { in: audience.organisationIds } }),
      },
      orderBy: { createdAt: 'asc' },
      select: { email: true, name: true, language: true },
    })
    rows.push(...registrations)
  }
  if (audience.kind === 'invited' || audience.kind === 'organisations') {
    const invitations = await db.invitation.findMany({
      where: {
        eventId,
        revokedAt: null,
        sentAt: { not: null },
        ...(audience.kind === 'organisations' ? { contact: { organisationId: { in: audience.organisationIds } } } : {}),
      },
      orderBy: { createdAt: 'asc' },
      select: { contact: { select: { email: true, name: true, language: true } } },
    })
    rows.push(...invitations.map((i) => i.contact))
  }
  const seen = new Map<string, Recipient>()
  for (const r of rows) if (!seen.has(r.email.toLowerCase())) seen.set(r.email.toLowerCase(), r)
  return [...seen.values()]
}

export type MailReportResult =
  { kind: 'queued'; batchId: string; total: number } | { kind: 'not-published' } | { kind: 'nobody' }

/**
 * Queues the latest published version's mail to the audience. Mailing the same version to the same address
 * again is skipped (the idempotency key names both), so a double click sends once.
 */
export async function mailReport(eventId: string, audience: ReportAudience, userId: string): Promise<MailReportResult> {
  const [report, event] = await Promise.all([
    publishedReportOfEvent(eventId),
    db.event.findUnique({ where: { id: eventId } }),
  ])
  if (!report || !event) return { kind: 'not-published' }
  const recipients = await recipientsOf(eventId, audience)
  if (!recipients.length) return { kind: 'nobody' }
  const { snapshot } = report
  const languages: Language[] = snapshot.en ? ['nl', 'en'] : ['nl']
  const languageOf = (r: Recipient): Language => (r.language === 'en' && snapshot.en ? 'en' : 'nl')
  const url = (lang: Language) => `${getEnv().APP_URL}/verslagen/${report.slug}${lang === 'en' ? '?lang=en' : ''}`
  // A report for partners only has no public page: each partner gets a personal link to it (a year long).
  const personal = report.visibility === 'partners'
  const links = new Map(recipients.map((r) => [r.email, personal ? randomToken() : null]))
  const linkOf = (r: Recipient) => {
    const token = links.get(r.email)
    return token ? `${getEnv().APP_URL}/verslag/${token}` : url(languageOf(r))
  }

  // The PDF per language, printed once, stored once.
  const attachments = new Map<Language, string>()
  for (const lang of languages) {
    if (!recipients.some((r) => languageOf(r) === lang)) continue
    const pdf = await reportPdf(snapshot, lang)
    const file = await db.mailAttachment.create({
      data: {
        filename: `verslag-${report.slug}${lang === 'en' ? '-en' : ''}.pdf`,
        contentType: 'application/pdf',
        content: new Uint8Array(pdf),
      },
    })
    attachments.set(lang, file.id)
  }
  const merges = new Map(
    await Promise.all(
      [...attachments.keys()].map(async (lang) => {
        const base = await eventMailBase(event, lang)
        const merge = await prepareBulk('report-published', {
          language: lang,
          fields: ['recipientName', 'reportUrl'] as const,
          props: (f) => ({
            ...base,
            recipientName: f.recipientName,
            reportUrl: f.reportUrl,
            summary: reportTexts(snapshot, lang).lead,
          }),
        })
        return [lang, merge] as const
      }),
    ),
  )

  const versionKey = `${report.slug}:${snapshot.version}`
  return db.$transaction(async (tx) => {
    const batch = await tx.mailBatch.create({
      data: { kind: 'report-published', eventId, total: recipients.length, createdById: userId },
    })
    if (personal) {
      const expiresAt = new Date(Date.now() + 365 * 24 * 3600 * 1000)
      await tx.personalLink.createMany({
        data: [...links.values()].map((token) => ({
          kind: 'report' as const,
          subjectId: report.id,
          eventId,
          expiresAt,
          tokenHash: hashToken(token!),
        })),
      })
    }
    let queued = 0
    for (const [lang, merge] of merges) {
      const group = recipients.filter((r) => languageOf(r) === lang)
      const ids = await enqueueBulk(
        merge,
        group.map((r) => ({
          to: r.email,
          toName: r.name,
          values: { recipientName: r.name, reportUrl: linkOf(r) },
          idempotencyKey: `report:${versionKey}:${r.email.toLowerCase()}`,
          parts: { storedAttachmentIds: [attachments.get(lang)!] },
        })),
        { batchId: batch.id, eventId },
        tx,
      )
      queued += ids.length
    }
    // Addresses this version was already mailed to are skipped: the batch counts what it really sends.
    if (queued !== recipients.length) {
      await tx.mailBatch.update({ where: { id: batch.id }, data: { total: queued } })
    }
    await audit(
      {
        actorUserId: userId,
        action: 'report.mail',
        entity: 'Report',
        entityId: report.slug,
        details: { batchId: batch.id, audience: audience.kind, version: snapshot.version, total: queued },
      },
      tx,
    )
    return { kind: 'queued' as const, batchId: batch.id, total: queued }
  })
}

/** The organisations the secretariat can choose from: those with an invited contact or a registration. */
export async function mailableOrganisations(eventId: string) {
  return db.organisation.findMany({
    where: {
      OR: [
        { registrations: { some: { eventId, status: 'confirmed' } } },
        { contacts: { some: { invitations: { some: { eventId, revokedAt: null } } } } },
      ],
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}
