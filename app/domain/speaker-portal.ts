// What the speaker's portal accepts: one Zod schema per form, with the portal's own messages. Ids are only
// shaped here; whether they belong to the speaker of the link is the model's check.
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { STATEMENT_MAX_LENGTH, type StatementStatus } from './statement'

type Errors = Dictionary['speakerPortal']['errors']

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

/** Speakers are asked to be there this long before their first slot (the briefing's arrival time). */
export const ARRIVAL_MINUTES_BEFORE = 30

/** When a speaker should arrive: before their first slot, and not before the event's doors open. */
export function arrivalTime(firstSlot: Date, eventStart: Date) {
  const arrival = new Date(firstSlot.getTime() - ARRIVAL_MINUTES_BEFORE * 60_000)
  const doors = new Date(eventStart.getTime() - ARRIVAL_MINUTES_BEFORE * 60_000)
  return arrival < doors ? doors : arrival
}

/** The statuses in which the speaker side still has something to do (for the portal's summary). */
export const OPEN_FOR_SPEAKER: StatementStatus[] = ['requested', 'changes_requested', 'awaiting_authorisation']
