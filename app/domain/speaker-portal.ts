// What the speaker's portal accepts: one Zod schema per form, with the portal's own messages. Ids are only
// shaped here; whether they belong to the speaker of the link is the model's check.
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { STATEMENT_MAX_LENGTH, type StatementStatus } from './statement'

type Errors = Dictionary['speakerPortal']['errors']

/** The statuses in which the speaker side still has something to do (for the portal's summary). */
export const OPEN_FOR_SPEAKER: StatementStatus[] = ['requested', 'changes_requested', 'awaiting_authorisation']

const id = z.string().trim().min(1).max(64)

export function respondSchema(e: Errors) {
  return z.object({
    intent: z.literal('respond'),
    participationId: id,
    answer: z.enum(['confirm', 'decline'], { errorMap: () => ({ message: e.answerRequired }) }),
    message: z.string().trim().max(2000, e.tooLong(2000)).optional().default(''),
  })
}

export function statementTextSchema(e: Errors) {
  return z
    .string({ required_error: e.textRequired })
    .trim()
    .min(1, e.textRequired)
    .max(STATEMENT_MAX_LENGTH, e.textTooLong(STATEMENT_MAX_LENGTH))
}

export function submitStatementSchema(e: Errors) {
  return z.object({
    intent: z.literal('submit'),
    statementId: id.optional(),
    agendaItemId: id.optional(),
    text: statementTextSchema(e),
    language: z.enum(['nl', 'en']).default('nl'),
  })
}

export function authoriseSchema() {
  return z.object({ intent: z.literal('authorise'), statementId: id, versionId: id })
}

export function withdrawSchema() {
  return z.object({ intent: z.literal('withdraw'), statementId: id })
}

export function profileSchema(e: Errors) {
  const text = (max: number) => z.string().trim().max(max, e.tooLong(max)).optional().default('')
  return z.object({
    honorific: text(60),
    name: z.string({ required_error: e.nameRequired }).trim().min(1, e.nameRequired).max(120, e.tooLong(120)),
    function: text(200),
    attribution: text(300),
    bio: text(3000),
    language: z.enum(['nl', 'en']).default('nl'),
    photoCredit: text(120),
    removePhoto: z.boolean().optional().default(false),
    consentPublishName: z.boolean().optional().default(false),
    consentPublishPhoto: z.boolean().optional().default(false),
    consentPublishQuotes: z.boolean().optional().default(false),
  })
}

export type SpeakerPortalProfile = z.output<ReturnType<typeof profileSchema>>

/** Speakers are asked to be there this long before their first slot, unless the event sets its own. */
export const ARRIVAL_MINUTES_BEFORE = 30
export const ARRIVAL_MINUTES_MAX = 240

/** When a speaker should arrive: `minutes` before their first slot, and not before the event's doors open. */
export function arrivalTime(firstSlot: Date, eventStart: Date, minutes: number = ARRIVAL_MINUTES_BEFORE) {
  const arrival = new Date(firstSlot.getTime() - minutes * 60_000)
  const doors = new Date(eventStart.getTime() - minutes * 60_000)
  return arrival < doors ? doors : arrival
}

type DayErrors = { phoneInvalid: string; minutesInvalid: (max: number) => string; tooLong: (max: number) => string }

/**
 * The secretariat's form for the day itself, per event: the speakers' contact person and phone, and how long
 * before their first slot they are expected. An empty field means the default (the environment's contact,
 * 30 minutes), stored as null.
 */
export function speakerDaySchema(e: DayErrors) {
  const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
  return z.object({
    intent: z.literal('speaker-day'),
    speakerContactName: z.preprocess(empty, z.string().trim().max(120, e.tooLong(120)).optional()),
    speakerContactPhone: z.preprocess(
      empty,
      z
        .string()
        .trim()
        .max(40, e.tooLong(40))
        // Digits with the usual separators ("070 123 45 67", "+31 (0)6-12345678"), at least six digits.
        .refine((v) => /^[+()\d\s./-]+$/.test(v) && (v.match(/\d/g) ?? []).length >= 6, e.phoneInvalid)
        .optional(),
    ),
    speakerArrivalMins: z.preprocess(
      empty,
      z.coerce
        .number({ invalid_type_error: e.minutesInvalid(ARRIVAL_MINUTES_MAX) })
        .int(e.minutesInvalid(ARRIVAL_MINUTES_MAX))
        .min(0, e.minutesInvalid(ARRIVAL_MINUTES_MAX))
        .max(ARRIVAL_MINUTES_MAX, e.minutesInvalid(ARRIVAL_MINUTES_MAX))
        .optional(),
    ),
  })
}

export type SpeakerDayValues = z.output<ReturnType<typeof speakerDaySchema>>
