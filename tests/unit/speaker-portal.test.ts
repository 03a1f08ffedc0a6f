import { describe, expect, test } from 'vitest'
import {
  arrivalTime,
  authoriseSchema,
  speakerDaySchema,
  profileSchema,
  respondSchema,
  submitStatementSchema,
} from '~/domain/speaker-portal'
import { nl } from '~/i18n/nl'

const e = nl.speakerPortal.errors

describe('arrival time', () => {
  test('half an hour before the first slot', () => {
    expect(arrivalTime(new Date('2026-12-04T13:30:00Z'), new Date('2026-12-04T13:00:00Z'))).toEqual(
      new Date('2026-12-04T13:00:00Z'),
    )
  })
  test('a slot that starts with the event: half an hour before the event', () => {
    expect(arrivalTime(new Date('2026-12-04T13:00:00Z'), new Date('2026-12-04T13:00:00Z'))).toEqual(
      new Date('2026-12-04T12:30:00Z'),
    )
  })
  test('never before the doors: a slot listed before the event start counts from the event start', () => {
    expect(arrivalTime(new Date('2026-12-04T12:00:00Z'), new Date('2026-12-04T13:00:00Z'))).toEqual(
      new Date('2026-12-04T12:30:00Z'),
    )
  })
})

describe('arrival per event', () => {
  test('the event’s own minutes before the first slot', () => {
    expect(arrivalTime(new Date('2026-12-04T13:30:00Z'), new Date('2026-12-04T13:00:00Z'), 60)).toEqual(
      new Date('2026-12-04T12:30:00Z'),
    )
    expect(arrivalTime(new Date('2026-12-04T13:30:00Z'), new Date('2026-12-04T13:00:00Z'), 0)).toEqual(
      new Date('2026-12-04T13:30:00Z'),
    )
  })
  test('the form: empty is the default (undefined), bad phone and minutes refused', () => {
    const schema = speakerDaySchema(nl.eventSpeakers.speakerDay.errors)
    expect(
      schema.parse({ intent: 'speaker-day', speakerContactName: ' ', speakerContactPhone: '', speakerArrivalMins: '' }),
    ).toEqual({ intent: 'speaker-day' })
    expect(
      schema.parse({
        intent: 'speaker-day',
        speakerContactName: ' Sanne Visser ',
        speakerContactPhone: '+31 (0)6-1234 5678',
        speakerArrivalMins: '45',
      }),
    ).toEqual({
      intent: 'speaker-day',
      speakerContactName: 'Sanne Visser',
      speakerContactPhone: '+31 (0)6-1234 5678',
      speakerArrivalMins: 45,
    })
    for (const phone of ['bel mij', '12345', '<script>0612345678']) {
      expect(schema.safeParse({ intent: 'speaker-day', speakerContactPhone: phone }).success).toBe(false)
    }
    for (const minutes of ['-5', '2.5', '241', 'dertig']) {
      expect(schema.safeParse({ intent: 'speaker-day', speakerArrivalMins: minutes }).success).toBe(false)
    }
  })
})

describe('portal forms', () => {
  test('an answer is confirm or decline, with an optional message', () => {
    const schema = respondSchema(e)
    expect(schema.parse({ intent: 'respond', participationId: 'p1', answer: 'confirm' })).toEqual({
      intent: 'respond',
      participationId: 'p1',
      answer: 'confirm',
      message: '',
    })
    const wrong = schema.safeParse({ intent: 'respond', participationId: 'p1', answer: 'misschien' })
    expect(wrong.success).toBe(false)
    expect(wrong.error?.issues[0]?.message).toBe(e.answerRequired)
  })

  test('a statement text: required, trimmed, at most 3000 characters with a clear message', () => {
    const schema = submitStatementSchema(e)
    expect(schema.parse({ intent: 'submit', text: '  Tekst.  ', language: 'en' })).toMatchObject({
      text: 'Tekst.',
      language: 'en',
    })
    expect(schema.safeParse({ intent: 'submit', text: '   ' }).error?.issues[0]?.message).toBe(e.textRequired)
    const long = schema.safeParse({ intent: 'submit', text: 'a'.repeat(100_000) })
    expect(long.error?.issues[0]?.message).toBe(
      'De tekst is te lang. Een citaat is hoogstens 3000 tekens; maak de tekst korter.',
    )
    expect(schema.safeParse({ intent: 'submit', text: 'a'.repeat(3000) }).success).toBe(true)
  })

  test('ids are shaped, not trusted', () => {
    expect(
      authoriseSchema().safeParse({ intent: 'authorise', statementId: 'x'.repeat(65), versionId: 'v' }).success,
    ).toBe(false)
    expect(authoriseSchema().safeParse({ intent: 'authorise', statementId: 's', versionId: '' }).success).toBe(false)
  })

  test('profile: a name is required; consents default to no', () => {
    const schema = profileSchema(e)
    expect(schema.safeParse({ name: ' ' }).error?.issues[0]?.message).toBe(e.nameRequired)
    expect(schema.parse({ name: 'Harbers' })).toMatchObject({
      consentPublishName: false,
      consentPublishPhoto: false,
      consentPublishQuotes: false,
      language: 'nl',
    })
  })
})
