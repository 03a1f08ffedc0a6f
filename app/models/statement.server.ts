// Statements (quotes) of an event: which may be published, and the secretariat's and the speaker's steps
// through the state machine in app/domain/statement.ts. Every step checks that the statement belongs to the
// event (secretariat) or to the speaker of the link (portal), and claims the state it started from with a
// conditional update, so two people acting at once cannot both move it.
import { attributionOf, publicationVerdict, type ExclusionReason } from '~/domain/statement'
import type { Language } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { displayName } from './event.server'
import { speakerNameSelect } from './selects.server'

export type PublishableQuote = {
  statementId: string
  /** The authorised version: its text is printed exactly, and nothing else. */
  versionId: string
  text: string
  language: Language
  /** As the speaker chose to be attributed: "Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid". */
  attribution: string
  speaker: { id: string; name: string; function: string; organisation: string | null }
  /** The agenda item the quote belongs to, if any; quotes come in agenda order. */
  agendaItem: { id: string; title: string; kind: string; startsAt: Date; order: number } | null
  authorisedAt: Date | null
  /** "speaker", or "delegate: <name>". */
  authorisedBy: string | null
  embargoUntil: Date | null
}

export type ExcludedQuote = {
  statementId: string
  speaker: { id: string; name: string }
  agendaItemId: string | null
  reason: ExclusionReason
  /** For an embargoed quote: when it may be published. */
  embargoUntil: Date | null
}

/**
 * Which quotes of an event may be published now: authorised, embargo passed, the speaker consents to publishing
 * quotes, not withdrawn. Each comes with the exact authorised text and the attribution, in agenda order (items
 * by their order, then the statement's own order; quotes without an item last). The others are listed apart,
 * each with the reason it is left out. The report is built on this function and nothing else.
 */
export async function publishableQuotes(
  eventId: string,
  now = new Date(),
): Promise<{ quotes: PublishableQuote[]; excluded: ExcludedQuote[] }> {
  const statements = await db.statement.findMany({
    where: { eventId },
    select: {
      id: true,
      status: true,
      embargoUntil: true,
      authorisedVersionId: true,
      authorisedAt: true,
      authorisedBy: true,
      order: true,
      createdAt: true,
      authorisedVersion: { select: { id: true, statementId: true, text: true, language: true } },
      agendaItem: { select: { id: true, title: true, kind: true, startsAt: true, order: true } },
      speaker: {
        select: {
          ...speakerNameSelect,
          attribution: true,
          consentPublishQuotes: true,
          organisation: { select: { name: true } },
        },
      },
    },
  })
  const inAgendaOrder = statements.sort(
    (a, b) =>
      (a.agendaItem ? 0 : 1) - (b.agendaItem ? 0 : 1) ||
      (a.agendaItem?.order ?? 0) - (b.agendaItem?.order ?? 0) ||
      (a.agendaItem?.startsAt.getTime() ?? 0) - (b.agendaItem?.startsAt.getTime() ?? 0) ||
      a.order - b.order ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  )
  const quotes: PublishableQuote[] = []
  const excluded: ExcludedQuote[] = []
  for (const s of inAgendaOrder) {
    // The authorised version must be one of this statement's own versions; anything else is not authorised.
    const version = s.authorisedVersion?.statementId === s.id ? s.authorisedVersion : null
    const verdict = publicationVerdict(
      { status: s.status, authorisedVersionId: version?.id ?? null, embargoUntil: s.embargoUntil },
      s.speaker,
      now,
    )
    if (!verdict.publishable || !version) {
      excluded.push({
        statementId: s.id,
        speaker: { id: s.speaker.id, name: displayName(s.speaker) },
        agendaItemId: s.agendaItem?.id ?? null,
        reason: verdict.publishable ? 'not-authorised' : verdict.reason,
        embargoUntil: s.embargoUntil,
      })
      continue
    }
    quotes.push({
      statementId: s.id,
      versionId: version.id,
      text: version.text,
      language: version.language,
      attribution: attributionOf(s.speaker),
      speaker: {
        id: s.speaker.id,
        name: displayName(s.speaker),
        function: s.speaker.function,
        organisation: s.speaker.organisation?.name ?? null,
      },
      agendaItem: s.agendaItem,
      authorisedAt: s.authorisedAt,
      authorisedBy: s.authorisedBy,
      embargoUntil: s.embargoUntil,
    })
  }
  return { quotes, excluded }
}
