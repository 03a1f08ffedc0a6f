// The statement (quote) state machine, pure. A quote is published only after the speaker, or their delegate,
// authorised its exact wording:
//
//   requested ─submit→ submitted ─request_changes→ changes_requested ─submit→ submitted
//   submitted ─propose (accept as is, or a secretariat edit)→ awaiting_authorisation
//   awaiting_authorisation ─authorise→ authorised
//   awaiting_authorisation ─submit (the speaker returns it with a new version)→ submitted
//   any state but withdrawn ─withdraw→ withdrawn (once a published report holds it: only the secretariat)
//
// The secretariat may also enter a text itself (propose from requested), and re-propose while the speaker has
// not authorised yet. An authorised quote is final: a change would need a new authorisation, so it is refused
// and the quote is withdrawn and requested anew instead.

export const statementStatuses = [
  'requested',
  'submitted',
  'changes_requested',
  'awaiting_authorisation',
  'authorised',
  'withdrawn',
] as const
export type StatementStatus = (typeof statementStatuses)[number]

export type StatementAction = 'submit' | 'request_changes' | 'propose' | 'authorise' | 'withdraw'
export type ActorKind = 'speaker' | 'delegate' | 'secretariat'

export type TransitionRefusal =
  /** The action does not exist in this state (e.g. authorising what was never proposed). */
  | 'wrong-state'
  /** The action is not this actor's (a speaker cannot propose; the secretariat cannot authorise). */
  | 'wrong-actor'
  /** The quote is in a published report: only the secretariat can take it out. */
  | 'published'

export type Transition = { ok: true; to: StatementStatus } | { ok: false; refusal: TransitionRefusal }

const speakerSide: ActorKind[] = ['speaker', 'delegate']

const rules: Record<StatementAction, { actors: ActorKind[]; from: Partial<Record<StatementStatus, StatementStatus>> }> =
  {
    submit: {
      actors: speakerSide,
      from: {
        requested: 'submitted',
        submitted: 'submitted',
        changes_requested: 'submitted',
        awaiting_authorisation: 'submitted',
      },
    },
    request_changes: { actors: ['secretariat'], from: { submitted: 'changes_requested' } },
    propose: {
      actors: ['secretariat'],
      from: {
        requested: 'awaiting_authorisation',
        submitted: 'awaiting_authorisation',
        changes_requested: 'awaiting_authorisation',
        awaiting_authorisation: 'awaiting_authorisation',
      },
    },
    authorise: { actors: speakerSide, from: { awaiting_authorisation: 'authorised' } },
    withdraw: {
      actors: ['speaker', 'delegate', 'secretariat'],
      from: {
        requested: 'withdrawn',
        submitted: 'withdrawn',
        changes_requested: 'withdrawn',
        awaiting_authorisation: 'withdrawn',
        authorised: 'withdrawn',
      },
    },
  }

/** Where `action` by `actor` takes a statement in `status`, or why it is refused. */
export function transition(
  status: StatementStatus,
  action: StatementAction,
  actor: ActorKind,
  context: { inPublishedReport?: boolean } = {},
): Transition {
  const rule = rules[action]
  const to = rule.from[status]
  if (!to) return { ok: false, refusal: 'wrong-state' }
  if (!rule.actors.includes(actor)) return { ok: false, refusal: 'wrong-actor' }
  if (action === 'withdraw' && context.inPublishedReport && actor !== 'secretariat') {
    return { ok: false, refusal: 'published' }
  }
  return { ok: true, to }
}

/** The actions `actor` can take now: what the pages offer. */
export function availableActions(
  status: StatementStatus,
  actor: ActorKind,
  context: { inPublishedReport?: boolean } = {},
): StatementAction[] {
  return (Object.keys(rules) as StatementAction[]).filter((a) => transition(status, a, actor, context).ok)
}

/** The speaker may still change their own text: until the secretariat proposes a wording. */
export function speakerMayEdit(status: StatementStatus) {
  return status === 'requested' || status === 'submitted' || status === 'changes_requested'
}

// ─── Text ─────────────────────────────────────────────────────────────────────────────────────────────────

/** A quote for a report is a few sentences; this leaves room for a short speech passage. */
export const STATEMENT_MAX_LENGTH = 3000

/** Line breaks as the browser sends them (CRLF) stored as LF, and no blank space around the whole text. */
export function normaliseStatementText(text: string) {
  return text.replace(/\r\n?/g, '\n').trim()
}

/** Paragraphs at blank lines; single line breaks stay inside a paragraph. */
export function statementParagraphs(text: string): string[][] {
  return normaliseStatementText(text)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n'))
}

/**
 * Dutch quotation marks around a quote, as plain text: „…”. The marks go around the text, never into it, so
 * what is stored is exactly what was authorised.
 */
export function quoted(text: string) {
  return `„${normaliseStatementText(text)}”`
}

// ─── Attribution ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * How a quote is attributed: the speaker's own choice when they made one ("Staatssecretaris Van Ark van het
 * ministerie van Sociale Zaken en Werkgelegenheid"); otherwise honorific and name, then the function.
 */
export function attributionOf(speaker: { attribution: string; honorific: string; name: string; function: string }) {
  if (speaker.attribution.trim()) return speaker.attribution.trim()
  const name = [speaker.honorific, speaker.name].filter(Boolean).join(' ')
  const full = name.charAt(0).toUpperCase() + name.slice(1)
  return speaker.function && !speaker.honorific ? `${full}, ${speaker.function}` : full
}

// ─── Publication ─────────────────────────────────────────────────────────────────────────────────────────

export type ExclusionReason =
  /** Not (yet) authorised: requested, submitted, changes requested, awaiting authorisation. */
  | 'not-authorised'
  /** Authorised, but the embargo has not passed. */
  | 'embargoed'
  | 'withdrawn'
  /** The speaker did not consent to publishing their quotes. */
  | 'no-consent'

/** Whether a quote may be published now, or the reason it is left out (the first that applies). */
export function publicationVerdict(
  statement: {
    status: StatementStatus
    authorisedVersionId: string | null
    embargoUntil: Date | null
  },
  speaker: { consentPublishQuotes: boolean },
  now: Date,
): { publishable: true } | { publishable: false; reason: ExclusionReason } {
  if (statement.status === 'withdrawn') return { publishable: false, reason: 'withdrawn' }
  if (statement.status !== 'authorised' || !statement.authorisedVersionId) {
    return { publishable: false, reason: 'not-authorised' }
  }
  if (!speaker.consentPublishQuotes) return { publishable: false, reason: 'no-consent' }
  if (statement.embargoUntil && statement.embargoUntil.getTime() > now.getTime()) {
    return { publishable: false, reason: 'embargoed' }
  }
  return { publishable: true }
}

// ─── The overview ────────────────────────────────────────────────────────────────────────────────────────

export type OverviewStatus = StatementStatus | 'late'

/** "Late": requested or sent back for changes, and the deadline has passed without a text from the speaker. */
export function overviewStatus(statement: { status: StatementStatus; deadline: Date | null }, now: Date) {
  if (
    (statement.status === 'requested' || statement.status === 'changes_requested') &&
    statement.deadline &&
    statement.deadline.getTime() < now.getTime()
  ) {
    return 'late' as const
  }
  return statement.status
}

/**
 * Whether an automatic reminder is due: the speaker still owes a text, the deadline is at most `daysBefore`
 * days away and has not passed, and no reminder went out since that moment.
 */
export function reminderDue(
  statement: {
    status: StatementStatus
    deadline: Date | null
    reminderDaysBefore: number | null
    remindedAt: Date | null
  },
  now: Date,
) {
  if (statement.status !== 'requested' && statement.status !== 'changes_requested') return false
  if (!statement.deadline || statement.reminderDaysBefore === null) return false
  const from = statement.deadline.getTime() - statement.reminderDaysBefore * 24 * 3600 * 1000
  if (now.getTime() < from || now.getTime() >= statement.deadline.getTime()) return false
  return !statement.remindedAt || statement.remindedAt.getTime() < from
}
