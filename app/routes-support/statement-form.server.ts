// Reading the secretariat's statement forms (request, text, comment, embargo) into model input, with messages
// in the page's language; and turning a refused step into a 4xx answer. Times are typed in the event's zone.
import { data } from '@remix-run/node'
import { z } from 'zod'
import { zonedToUtc } from '~/domain/format'
import { normaliseStatementText, STATEMENT_MAX_LENGTH } from '~/domain/statement'
import type { Dictionary } from '~/i18n/nl'
import type { StepOutcome } from '~/models/statement-request.server'

type Copy = Dictionary['eventSpeakers']['statements']
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const PROMPT_MAX = 1000
const COMMENT_MAX = 2000
const id = z.string().min(1).max(64)

/** A date and time typed in the event's zone; both empty is no moment at all. */
function moment(date: unknown, time: unknown, zone: string): Parsed<Date | null> | 'invalid' {
  const d = typeof date === 'string' ? date.trim() : ''
  const t = typeof time === 'string' ? time.trim() : ''
  if (!d && !t) return { ok: true, value: null }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{2}:\d{2}$/.test(t || '00:00')) return 'invalid'
  const at = zonedToUtc(d, t || '23:59', zone)
  return at ? { ok: true, value: at } : 'invalid'
}

/** The quote's text: required, at most STATEMENT_MAX_LENGTH characters after normalising line breaks. */
export function parseStatementText(value: unknown, t: Copy): Parsed<string> {
  const text = typeof value === 'string' ? normaliseStatementText(value) : ''
  if (!text) return { ok: false, error: t.errors.textRequired }
  if (text.length > STATEMENT_MAX_LENGTH)
    return { ok: false, error: t.errors.textTooLong(STATEMENT_MAX_LENGTH, text.length) }
  return { ok: true, value: text }
}

export function parseComment(value: unknown, t: Copy): Parsed<string> {
  const text = typeof value === 'string' ? normaliseStatementText(value) : ''
  if (!text) return { ok: false, error: t.errors.commentRequired }
  if (text.length > COMMENT_MAX) return { ok: false, error: t.errors.commentTooLong }
  return { ok: true, value: text }
}

export function parseLanguage(value: unknown) {
  return value === 'en' ? ('en' as const) : ('nl' as const)
}

export function parseEmbargo(form: FormData, zone: string, t: Copy): Parsed<Date | null> {
  const at = moment(form.get('embargoDate'), form.get('embargoTime'), zone)
  return at === 'invalid' ? { ok: false, error: t.errors.invalidDate } : at
}

export function parseRequestForm(form: FormData, zone: string, t: Copy, now = new Date()) {
  const speakerIds = z.array(id).max(500).safeParse(form.getAll('speakerId'))
  if (!speakerIds.success) return { ok: false as const, error: null }
  if (!speakerIds.data.length) return { ok: false as const, error: t.errors.chooseSpeaker }
  const deadline = moment(form.get('deadlineDate'), form.get('deadlineTime'), zone)
  if (deadline === 'invalid') return { ok: false as const, error: t.errors.invalidDate }
  if (!deadline.ok) return deadline
  if (deadline.value && deadline.value <= now) return { ok: false as const, error: t.errors.deadlinePast }
  const daysText = String(form.get('reminderDays') ?? '').trim()
  const days = daysText ? Number(daysText) : null
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 60))
    return { ok: false as const, error: t.errors.invalidDays }
  const prompt = normaliseStatementText(String(form.get('prompt') ?? ''))
  if (prompt.length > PROMPT_MAX) return { ok: false as const, error: t.errors.promptTooLong }
  return {
    ok: true as const,
    value: {
      speakerIds: speakerIds.data,
      deadline: deadline.value,
      // Reminders need a deadline to count back from.
      reminderDaysBefore: deadline.value ? days : null,
      prompt,
    },
  }
}

/** A step the state machine or a concurrent change refused: 409 with the reason in plain words. */
export function refusedStep(outcome: Exclude<StepOutcome, { kind: 'done' }>, t: Copy) {
  if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
  const message = outcome.kind === 'conflict' ? t.refusals.conflict : t.refusals[outcome.refusal]
  return data({ error: message, field: null as string | null }, { status: 409 })
}

export function invalidField(error: string, field: string) {
  return data({ error, field: field as string | null }, { status: 400 })
}
