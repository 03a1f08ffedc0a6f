import { describe, expect, test } from 'vitest'
import {
  attributionOf,
  availableActions,
  overviewStatus,
  publicationVerdict,
  quoted,
  reminderDue,
  speakerMayEdit,
  statementParagraphs,
  statementStatuses,
  transition,
  type ActorKind,
  type StatementAction,
  type StatementStatus,
} from '~/domain/statement'

const actions: StatementAction[] = ['submit', 'request_changes', 'propose', 'authorise', 'withdraw']
const actors: ActorKind[] = ['speaker', 'delegate', 'secretariat']

// The whole table: every state × action × actor. Anything not listed here must be refused.
const allowed: Array<[StatementStatus, StatementAction, ActorKind[], StatementStatus]> = [
  ['requested', 'submit', ['speaker', 'delegate'], 'submitted'],
  ['submitted', 'submit', ['speaker', 'delegate'], 'submitted'],
  ['changes_requested', 'submit', ['speaker', 'delegate'], 'submitted'],
  ['awaiting_authorisation', 'submit', ['speaker', 'delegate'], 'submitted'],
  ['submitted', 'request_changes', ['secretariat'], 'changes_requested'],
  ['requested', 'propose', ['secretariat'], 'awaiting_authorisation'],
  ['submitted', 'propose', ['secretariat'], 'awaiting_authorisation'],
  ['changes_requested', 'propose', ['secretariat'], 'awaiting_authorisation'],
  ['awaiting_authorisation', 'propose', ['secretariat'], 'awaiting_authorisation'],
  ['awaiting_authorisation', 'authorise', ['speaker', 'delegate'], 'authorised'],
  ...(['requested', 'submitted', 'changes_requested', 'awaiting_authorisation', 'authorised'] as const).map(
    (s) => [s, 'withdraw', actors, 'withdrawn'] as [StatementStatus, StatementAction, ActorKind[], StatementStatus],
  ),
]

describe('statement state machine', () => {
  for (const status of statementStatuses) {
    for (const action of actions) {
      for (const actor of actors) {
        const rule = allowed.find(([s, a]) => s === status && a === action)
        const expected = rule
          ? rule[2].includes(actor)
            ? { ok: true, to: rule[3] }
            : { ok: false, refusal: 'wrong-actor' }
          : { ok: false, refusal: 'wrong-state' }
        test(`${status} · ${action} by ${actor} → ${expected.ok ? expected.to : expected.refusal}`, () => {
          expect(transition(status, action, actor)).toEqual(expected)
        })
      }
    }
  }

  test('a quote in a published report is withdrawn only by the secretariat', () => {
    for (const actor of ['speaker', 'delegate'] as const) {
      expect(transition('authorised', 'withdraw', actor, { inPublishedReport: true })).toEqual({
        ok: false,
        refusal: 'published',
      })
    }
    expect(transition('authorised', 'withdraw', 'secretariat', { inPublishedReport: true })).toEqual({
      ok: true,
      to: 'withdrawn',
    })
  })

  test('withdrawn is final and authorised cannot be edited', () => {
    expect(availableActions('withdrawn', 'secretariat')).toEqual([])
    expect(availableActions('withdrawn', 'speaker')).toEqual([])
    expect(availableActions('authorised', 'speaker')).toEqual(['withdraw'])
    expect(availableActions('authorised', 'secretariat')).toEqual(['withdraw'])
    expect(availableActions('awaiting_authorisation', 'delegate')).toEqual(['submit', 'authorise', 'withdraw'])
    expect(availableActions('submitted', 'secretariat')).toEqual(['request_changes', 'propose', 'withdraw'])
  })

  test('the speaker edits their own text until a wording is proposed', () => {
    expect(statementStatuses.filter(speakerMayEdit)).toEqual(['requested', 'submitted', 'changes_requested'])
  })
})

describe('quote text', () => {
  test('paragraphs at blank lines, single line breaks kept, CRLF read as LF', () => {
    expect(statementParagraphs('Eerste zin.\r\nTweede regel.\r\n\r\n  Nieuwe alinea.  \n\n\n')).toEqual([
      ['Eerste zin.', 'Tweede regel.'],
      ['Nieuwe alinea.'],
    ])
  })

  test('Dutch quotation marks go around the text, not into it', () => {
    expect(quoted(' <script>alert(1)</script> ')).toBe('„<script>alert(1)</script>”')
  })

  test('attribution: the speaker’s own choice first, otherwise honorific, name and function', () => {
    const speaker = { honorific: 'staatssecretaris', name: 'Van Ark', function: 'staatssecretaris van SZW' }
    expect(
      attributionOf({
        ...speaker,
        attribution: ' Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid ',
      }),
    ).toBe('Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid')
    expect(attributionOf({ ...speaker, attribution: '' })).toBe('Staatssecretaris Van Ark')
    expect(
      attributionOf({ honorific: '', name: 'Herman Bolhaar', function: 'Nationaal Rapporteur', attribution: '' }),
    ).toBe('Herman Bolhaar, Nationaal Rapporteur')
  })
})

describe('publication verdict', () => {
  const now = new Date('2026-12-05T12:00:00Z')
  const authorised = { status: 'authorised' as const, authorisedVersionId: 'v1', embargoUntil: null }
  const consent = { consentPublishQuotes: true }

  test('authorised, consent, no embargo: publishable', () => {
    expect(publicationVerdict(authorised, consent, now)).toEqual({ publishable: true })
    expect(publicationVerdict({ ...authorised, embargoUntil: new Date('2026-12-05T12:00:00Z') }, consent, now)).toEqual(
      { publishable: true },
    )
  })

  test('each reason to leave a quote out', () => {
    for (const status of ['requested', 'submitted', 'changes_requested', 'awaiting_authorisation'] as const) {
      expect(publicationVerdict({ ...authorised, status }, consent, now)).toEqual({
        publishable: false,
        reason: 'not-authorised',
      })
    }
    expect(publicationVerdict({ ...authorised, authorisedVersionId: null }, consent, now)).toMatchObject({
      reason: 'not-authorised',
    })
    expect(publicationVerdict({ ...authorised, status: 'withdrawn' }, consent, now)).toMatchObject({
      reason: 'withdrawn',
    })
    expect(publicationVerdict(authorised, { consentPublishQuotes: false }, now)).toMatchObject({ reason: 'no-consent' })
    expect(
      publicationVerdict({ ...authorised, embargoUntil: new Date('2026-12-05T12:00:01Z') }, consent, now),
    ).toMatchObject({ reason: 'embargoed' })
  })
})

describe('overview and reminders', () => {
  const deadline = new Date('2026-12-10T16:00:00Z')
  const day = 24 * 3600 * 1000

  test('late: still owed after the deadline', () => {
    const after = new Date(deadline.getTime() + 1)
    expect(overviewStatus({ status: 'requested', deadline }, after)).toBe('late')
    expect(overviewStatus({ status: 'changes_requested', deadline }, after)).toBe('late')
    expect(overviewStatus({ status: 'submitted', deadline }, after)).toBe('submitted')
    expect(overviewStatus({ status: 'requested', deadline }, new Date(deadline.getTime() - 1))).toBe('requested')
    expect(overviewStatus({ status: 'requested', deadline: null }, after)).toBe('requested')
  })

  test('an automatic reminder is due once, in the days before the deadline', () => {
    const s = { status: 'requested' as const, deadline, reminderDaysBefore: 2, remindedAt: null }
    expect(reminderDue(s, new Date(deadline.getTime() - 2 * day - 1))).toBe(false)
    expect(reminderDue(s, new Date(deadline.getTime() - 2 * day))).toBe(true)
    expect(
      reminderDue({ ...s, remindedAt: new Date(deadline.getTime() - day) }, new Date(deadline.getTime() - 1)),
    ).toBe(false)
    // A manual reminder before the window does not stop the automatic one.
    expect(
      reminderDue({ ...s, remindedAt: new Date(deadline.getTime() - 5 * day) }, new Date(deadline.getTime() - day)),
    ).toBe(true)
    expect(reminderDue(s, deadline)).toBe(false)
    expect(reminderDue({ ...s, status: 'submitted' }, new Date(deadline.getTime() - day))).toBe(false)
    expect(reminderDue({ ...s, reminderDaysBefore: null }, new Date(deadline.getTime() - day))).toBe(false)
  })
})
