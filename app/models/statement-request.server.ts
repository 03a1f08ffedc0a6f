// The secretariat's side of statements (quotes): asking speakers for one, reminding them, entering a text
// itself, reviewing what a speaker submitted, the embargo, and the overview. Every step goes through the
// state machine in app/domain/statement.ts and claims the state it started from with a conditional update, so
// two people acting at once cannot both move a statement (the second gets 'conflict'). Mails go to the speaker
// and, when the speaker record has one, the delegate, each with a new personal link.
import type { MailKind, MailProps } from '../../emails'
import type { Event, Speaker } from '~/generated/prisma/client'
import type { Language, StatementStatus } from '~/generated/prisma/enums'
import {
  normaliseStatementText,
  overviewStatus,
  reminderDue,
  transition,
  type StatementAction,
  type TransitionRefusal,
} from '~/domain/statement'
import { enqueue, prepareMail, type PreparedMail } from '~/mail/outbox.server'
import { db } from '~/utils/db.server'
import { randomToken } from '~/utils/tokens.server'
import { appUrl } from '~/utils/env.server'
import { audit } from './audit.server'
import { eventMailBase } from './event-mail.server'
import { displayName } from './event.server'
import { createPersonalLink } from './personal-link.server'
import { addresseeName, speakerLinkExpiry } from './speaker-invitation.server'

type SpeakerMailKind = Extract<
  MailKind,
  'statement-requested' | 'statement-needs-authorisation' | 'statement-changes-requested'
>
type Recipient = { delegate: boolean; email: string; name: string; token: string }
type SpeakerMail = { recipient: Recipient; mail: PreparedMail }

/** The speaker and, when known, the delegate: who a statement mail goes to. */
function recipientsOf(speaker: Speaker): Recipient[] {
  return [
    ...(speaker.email ? [{ delegate: false, email: speaker.email, name: addresseeName(speaker), token: '' }] : []),
    ...(speaker.delegateEmail
      ? [
          {
            delegate: true,
            email: speaker.delegateEmail,
            name: speaker.delegateName || speaker.delegateEmail,
            token: '',
          },
        ]
      : []),
  ].map((r) => ({ ...r, token: randomToken() }))
}

/**
 * Renders one mail per recipient, before the transaction; each carries a new personal link, whose token is
 * drawn here and stored (hashed) by `writeSpeakerMails` in the transaction.
 */
async function prepareSpeakerMails<K extends SpeakerMailKind>(
  kind: K,
  event: Event,
  speaker: Speaker,
  props: (
    base: Awaited<ReturnType<typeof eventMailBase>>,
  ) => Omit<
    MailProps<K>,
    keyof Awaited<ReturnType<typeof eventMailBase>> | 'speakerName' | 'delegateName' | 'portalUrl'
  >,
): Promise<SpeakerMail[]> {
  const base = await eventMailBase(event, speaker.language)
  const out: SpeakerMail[] = []
  for (const recipient of recipientsOf(speaker)) {
    const mail = await prepareMail(kind, {
      to: recipient.email,
      toName: recipient.name,
      language: speaker.language,
      props: {
        ...base,
        ...props(base),
        speakerName: addresseeName(speaker),
        delegateName: recipient.delegate ? recipient.name : undefined,
        portalUrl: appUrl(`/spreker/${recipient.token}`),
      } as MailProps<K>,
    })
    out.push({ recipient, mail })
  }
  return out
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]

async function writeSpeakerMails(
  tx: Tx,
  event: Event,
  speakerId: string,
  mails: SpeakerMail[],
  key: (recipient: Recipient) => string,
) {
  for (const { recipient } of mails) {
    await createPersonalLink(
      {
        kind: 'speaker',
        subjectId: speakerId,
        eventId: event.id,
        expiresAt: speakerLinkExpiry(event),
        delegate: recipient.delegate,
        token: recipient.token,
      },
      tx,
    )
  }
  await enqueue(
    mails.map(({ recipient, mail }) => ({ ...mail, idempotencyKey: key(recipient), eventId: event.id })),
    tx,
  )
}

const who = (r: Recipient) => (r.delegate ? 'delegate' : 'speaker')

// ─── Requests ─────────────────────────────────────────────────────────────────────────────────────────────

export type RequestInput = {
  speakerIds: string[]
  deadline: Date | null
  reminderDaysBefore: number | null
  prompt: string
}

export type RequestOutcome =
  { kind: 'requested'; requested: number; alreadyOpen: number; unreachable: number } | { kind: 'not-found' }

/**
 * Asks each chosen speaker of the event for a statement: a new statement in 'requested', tied to the
 * speaker's first slot (so quotes come in agenda order), and a mail with the portal link. A speaker who still
 * owes a text for an earlier request is not asked twice; one without any address cannot be asked at all.
 */
export async function requestStatements(
  eventId: string,
  input: RequestInput,
  actorUserId: string,
): Promise<RequestOutcome> {
  const event = await db.event.findUnique({ where: { id: eventId } })
  if (!event) return { kind: 'not-found' }
  const ids = [...new Set(input.speakerIds)]
  const speakers = await db.speaker.findMany({
    where: { id: { in: ids }, participations: { some: { agendaItem: { eventId } } } },
    include: {
      participations: {
        where: { agendaItem: { eventId } },
        orderBy: { agendaItem: { startsAt: 'asc' } },
        select: { agendaItemId: true, status: true },
      },
      statements: { where: { eventId, status: { in: ['requested', 'changes_requested'] } }, select: { id: true } },
    },
  })
  // An id that is not a speaker of this event: the form was changed by hand.
  if (speakers.length !== ids.length) return { kind: 'not-found' }
  let requested = 0
  let alreadyOpen = 0
  let unreachable = 0
  const prompt = normaliseStatementText(input.prompt)
  for (const speaker of speakers) {
    if (speaker.statements.length) {
      alreadyOpen++
      continue
    }
    const mails = await prepareSpeakerMails('statement-requested', event, speaker, () => ({
      deadline: input.deadline?.toISOString(),
      prompt: prompt || undefined,
    }))
    if (!mails.length) {
      unreachable++
      continue
    }
    const slot = speaker.participations.find((p) => p.status !== 'declined') ?? speaker.participations[0]
    await db.$transaction(async (tx) => {
      const statement = await tx.statement.create({
        data: {
          eventId,
          speakerId: speaker.id,
          agendaItemId: slot?.agendaItemId ?? null,
          status: 'requested',
          prompt,
          deadline: input.deadline,
          reminderDaysBefore: input.reminderDaysBefore,
          requestedAt: new Date(),
        },
      })
      await writeSpeakerMails(tx, event, speaker.id, mails, (r) => `statement-requested:${statement.id}:${who(r)}`)
      await audit(
        {
          actorUserId,
          action: 'statement.requested',
          entity: 'Statement',
          entityId: statement.id,
          details: { eventId, speakerId: speaker.id },
        },
        tx,
      )
    })
    requested++
  }
  return { kind: 'requested', requested, alreadyOpen, unreachable }
}

// ─── Reminders ────────────────────────────────────────────────────────────────────────────────────────────

type Owing = Awaited<ReturnType<typeof owingStatements>>[number]

function owingStatements(where: { eventId?: string; ids?: string[] }) {
  return db.statement.findMany({
    where: {
      eventId: where.eventId,
      id: where.ids ? { in: where.ids } : undefined,
      status: { in: ['requested', 'changes_requested'] },
    },
    include: { speaker: true, event: true },
  })
}

/**
 * Sends one reminder, claimed with a conditional update on remindedAt (the value this process read): with
 * several processes on one PostgreSQL database, the second UPDATE finds the row changed and sends nothing.
 */
async function remind(statement: Owing, now: Date, actorUserId: string | null) {
  const mails = await prepareSpeakerMails('statement-requested', statement.event, statement.speaker, () => ({
    deadline: statement.deadline?.toISOString(),
    prompt: statement.prompt || undefined,
    reminder: true,
  }))
  if (!mails.length) return false
  return db.$transaction(async (tx) => {
    const claimed = await tx.statement.updateMany({
      where: { id: statement.id, status: statement.status, remindedAt: statement.remindedAt },
      data: { remindedAt: now },
    })
    if (claimed.count !== 1) return false
    await writeSpeakerMails(
      tx,
      statement.event,
      statement.speakerId,
      mails,
      (r) => `statement-reminder:${statement.id}:${now.getTime()}:${who(r)}`,
    )
    await audit(
      {
        actorUserId,
        actorLabel: actorUserId ? undefined : 'system',
        action: 'statement.reminded',
        entity: 'Statement',
        entityId: statement.id,
        details: { eventId: statement.eventId, automatic: !actorUserId },
      },
      tx,
    )
    return true
  })
}

/**
 * The automatic reminders: every statement whose speaker still owes a text, whose deadline is at most its
 * reminder days away, and that was not reminded since (reminderDue). Safe to run in several processes at once.
 */
export async function sendDueStatementReminders(now = new Date()) {
  const candidates = await db.statement.findMany({
    where: {
      status: { in: ['requested', 'changes_requested'] },
      reminderDaysBefore: { not: null },
      deadline: { gt: now },
    },
    include: { speaker: true, event: true },
  })
  let sent = 0
  for (const statement of candidates.filter((s) => reminderDue(s, now))) {
    if (await remind(statement, now, null)) sent++
  }
  return sent
}

/**
 * A reminder by hand: to the chosen statements, or to every late one of the event (deadline passed, no text).
 * Only statements that still owe a text are reminded.
 */
export async function remindLateStatements(
  eventId: string,
  statementIds: string[] | undefined,
  actorUserId: string,
  now = new Date(),
) {
  const owing = await owingStatements({ eventId, ids: statementIds })
  const chosen = statementIds ? owing : owing.filter((s) => overviewStatus(s, now) === 'late')
  let sent = 0
  for (const statement of chosen) if (await remind(statement, now, actorUserId)) sent++
  return { sent, skipped: (statementIds?.length ?? chosen.length) - sent }
}

// ─── Review ───────────────────────────────────────────────────────────────────────────────────────────────

export type StepOutcome =
  | { kind: 'done'; status: StatementStatus }
  | { kind: 'not-found' }
  | { kind: 'refused'; refusal: TransitionRefusal }
  /** Someone else moved the statement between reading and writing. */
  | { kind: 'conflict' }

async function statementOf(eventId: string, statementId: string) {
  return db.statement.findFirst({
    where: { id: statementId, eventId },
    include: {
      speaker: true,
      event: true,
      versions: { orderBy: { createdAt: 'desc' }, take: 1 },
    },
  })
}

/** Checks the step against the state machine; the caller claims `from` in its transaction. */
function allowed(status: StatementStatus, action: StatementAction) {
  return transition(status, action, 'secretariat')
}

class Conflict extends Error {}

/**
 * Moves the statement from the state (and version of the row) this request read; a statement that someone
 * else moved in between is not touched, and the whole step is rolled back as a conflict.
 */
async function claimMove(
  tx: Tx,
  statement: { id: string; status: StatementStatus; updatedAt: Date },
  data: Parameters<typeof db.statement.updateMany>[0]['data'],
) {
  const moved = await tx.statement.updateMany({
    where: { id: statement.id, status: statement.status, updatedAt: statement.updatedAt },
    data,
  })
  if (moved.count !== 1) throw new Conflict()
}

async function claimed<T>(work: () => Promise<T>): Promise<T | { kind: 'conflict' }> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Conflict) return { kind: 'conflict' }
    throw error
  }
}

/**
 * Proposes a wording for authorisation: the secretariat's own text (a new version), or, without `text`, the
 * latest version as it is (accept). Mails statement-needs-authorisation with the proposed text.
 */
export async function proposeStatement(
  eventId: string,
  statementId: string,
  input: { text?: string; language?: Language },
  actor: { id: string; name: string },
): Promise<StepOutcome> {
  const statement = await statementOf(eventId, statementId)
  if (!statement) return { kind: 'not-found' }
  const verdict = allowed(statement.status, 'propose')
  if (!verdict.ok) return { kind: 'refused', refusal: verdict.refusal }
  const latest = statement.versions[0] ?? null
  const text = input.text === undefined ? latest?.text : normaliseStatementText(input.text)
  // Accepting needs something to accept.
  if (!text) return { kind: 'refused', refusal: 'wrong-state' }
  // An "edit" that changes nothing is accepting the speaker's text: no new version by the secretariat.
  const newVersion = !latest || text !== latest.text || (input.language && input.language !== latest.language)
  const mails = await prepareSpeakerMails('statement-needs-authorisation', statement.event, statement.speaker, () => ({
    text,
    attribution: statement.speaker.attribution || undefined,
  }))
  return claimed(() =>
    db.$transaction(async (tx) => {
      const version = newVersion
        ? await tx.statementVersion.create({
            data: {
              statementId,
              text,
              language: input.language ?? latest?.language ?? statement.speaker.language,
              authorKind: 'secretariat',
              authorName: actor.name,
              authorUserId: actor.id,
            },
          })
        : latest!
      await claimMove(tx, statement, { status: verdict.to, proposedVersionId: version.id, reviewComment: '' })
      await writeSpeakerMails(
        tx,
        statement.event,
        statement.speakerId,
        mails,
        (r) => `statement-proposed:${statementId}:${version.id}:${who(r)}`,
      )
      await audit(
        {
          actorUserId: actor.id,
          action: newVersion ? 'statement.proposed-edit' : 'statement.proposed',
          entity: 'Statement',
          entityId: statementId,
          details: { eventId, versionId: version.id },
        },
        tx,
      )
      return { kind: 'done' as const, status: verdict.to }
    }),
  )
}

/**
 * A text the secretariat enters itself (from a transcript or a speech) for a speaker of the event: a new
 * statement, proposed at once; it still needs the speaker's authorisation.
 */
export async function enterStatementForSpeaker(
  eventId: string,
  speakerId: string,
  input: { text: string; language: Language },
  actor: { id: string; name: string },
): Promise<StepOutcome & { statementId?: string }> {
  const slot = await db.participation.findFirst({
    where: { speakerId, agendaItem: { eventId } },
    orderBy: { agendaItem: { startsAt: 'asc' } },
    select: { agendaItemId: true },
  })
  if (!slot) return { kind: 'not-found' }
  const statement = await db.statement.create({
    data: { eventId, speakerId, agendaItemId: slot.agendaItemId, status: 'requested', requestedAt: new Date() },
  })
  const outcome = await proposeStatement(eventId, statement.id, input, actor)
  if (outcome.kind !== 'done') await db.statement.delete({ where: { id: statement.id } })
  return { ...outcome, statementId: statement.id }
}

/** Sends a submitted text back with the secretariat's comment (mail statement-changes-requested). */
export async function requestChanges(
  eventId: string,
  statementId: string,
  comment: string,
  actorUserId: string,
): Promise<StepOutcome> {
  const statement = await statementOf(eventId, statementId)
  if (!statement) return { kind: 'not-found' }
  const verdict = allowed(statement.status, 'request_changes')
  if (!verdict.ok) return { kind: 'refused', refusal: verdict.refusal }
  const text = normaliseStatementText(comment)
  const mails = await prepareSpeakerMails('statement-changes-requested', statement.event, statement.speaker, () => ({
    comment: text,
    deadline: statement.deadline && statement.deadline > new Date() ? statement.deadline.toISOString() : undefined,
  }))
  return claimed(() =>
    db.$transaction(async (tx) => {
      await claimMove(tx, statement, { status: verdict.to, reviewComment: text })
      await writeSpeakerMails(
        tx,
        statement.event,
        statement.speakerId,
        mails,
        (r) => `statement-changes:${statementId}:${statement.versions[0]?.id ?? 'none'}:${who(r)}`,
      )
      await audit(
        {
          actorUserId,
          action: 'statement.changes-requested',
          entity: 'Statement',
          entityId: statementId,
          details: { eventId },
        },
        tx,
      )
      return { kind: 'done' as const, status: verdict.to }
    }),
  )
}

/** The secretariat takes a statement out (also one in a published report: that is the secretariat's call). */
export async function withdrawStatement(
  eventId: string,
  statementId: string,
  actor: { id: string; name: string },
): Promise<StepOutcome> {
  const statement = await statementOf(eventId, statementId)
  if (!statement) return { kind: 'not-found' }
  const verdict = allowed(statement.status, 'withdraw')
  if (!verdict.ok) return { kind: 'refused', refusal: verdict.refusal }
  return claimed(() =>
    db.$transaction(async (tx) => {
      await claimMove(tx, statement, {
        status: verdict.to,
        withdrawnAt: new Date(),
        withdrawnBy: `secretariat: ${actor.name}`,
      })
      await audit(
        {
          actorUserId: actor.id,
          action: 'statement.withdrawn',
          entity: 'Statement',
          entityId: statementId,
          details: { eventId },
        },
        tx,
      )
      return { kind: 'done' as const, status: verdict.to }
    }),
  )
}

/** Sets or clears the embargo: the quote may not be published before this instant. Not on a withdrawn one. */
export async function setEmbargo(eventId: string, statementId: string, embargoUntil: Date | null, actorUserId: string) {
  const result = await db.statement.updateMany({
    where: { id: statementId, eventId, status: { not: 'withdrawn' } },
    data: { embargoUntil },
  })
  if (result.count !== 1) {
    const exists = await db.statement.count({ where: { id: statementId, eventId } })
    return exists ? ({ kind: 'refused', refusal: 'wrong-state' } as const) : ({ kind: 'not-found' } as const)
  }
  await audit({
    actorUserId,
    action: 'statement.embargo',
    entity: 'Statement',
    entityId: statementId,
    details: { eventId, embargoUntil: embargoUntil?.toISOString() ?? null },
  })
  return { kind: 'done' } as const
}

// ─── Reading ──────────────────────────────────────────────────────────────────────────────────────────────

/** The zone the event's dates are typed and shown in (a request's deadline); null for an unknown event. */
export async function statementEventZone(eventId: string): Promise<string | null> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { timeZone: true } })
  return event?.timeZone ?? null
}

/** The overview: per speaker of the event, their statements with the state shown (late included). */
export async function statementOverview(eventId: string, now = new Date()) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, title: true, timeZone: true, status: true },
  })
  if (!event) return null
  const [speakers, statements] = await Promise.all([
    db.speaker.findMany({
      where: { participations: { some: { agendaItem: { eventId } } } },
      orderBy: { name: 'asc' },
      select: { id: true, honorific: true, name: true, function: true, email: true, delegateEmail: true },
    }),
    db.statement.findMany({
      where: { eventId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        speakerId: true,
        status: true,
        deadline: true,
        requestedAt: true,
        remindedAt: true,
        embargoUntil: true,
        authorisedAt: true,
        authorisedBy: true,
        withdrawnAt: true,
        withdrawalRequestedAt: true,
        versions: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true, authorKind: true } },
      },
    }),
  ])
  const rows = speakers.map((s) => ({
    id: s.id,
    name: displayName(s),
    function: s.function,
    reachable: !!(s.email || s.delegateEmail),
    statements: statements
      .filter((st) => st.speakerId === s.id)
      .map(({ versions, ...st }) => ({
        ...st,
        shown: overviewStatus(st, now),
        lastVersionAt: versions[0]?.createdAt ?? null,
        lastVersionBy: versions[0]?.authorKind ?? null,
      })),
  }))
  const counts: Record<string, number> = {}
  for (const row of rows) for (const st of row.statements) counts[st.shown] = (counts[st.shown] ?? 0) + 1
  return { event, speakers: rows, counts }
}

/** One statement with every version (oldest first), for the detail page and its history. */
export async function statementDetail(eventId: string, statementId: string, now = new Date()) {
  const statement = await db.statement.findFirst({
    where: { id: statementId, eventId },
    include: {
      event: { select: { id: true, title: true, timeZone: true } },
      speaker: { select: { id: true, honorific: true, name: true, attribution: true, function: true } },
      agendaItem: { select: { title: true } },
      versions: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, text: true, language: true, authorKind: true, authorName: true, createdAt: true },
      },
    },
  })
  if (!statement) return null
  return { ...statement, shown: overviewStatus(statement, now) }
}
