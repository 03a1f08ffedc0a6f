// The registration form's rules, shared by the public form, the invitation page (invitee and colleagues) and
// the secretariat's questions editor. IO-free: the event's questions come in as plain values.
//
// Custom answers follow the shared contract: `answers` is an object keyed by RegistrationQuestion.id, with
// text → string, choice → the chosen option label, yes_no → boolean; a question left unanswered has no key.
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import {
  hasControlCharactersExceptBreaks,
  personEmail,
  personFunction,
  personName,
  personOrganisationName,
} from './person-fields'

export type QuestionType = 'text' | 'choice' | 'yes_no'
export type RegistrationQuestionDef = {
  id: string
  label: string
  labelEn: string | null
  type: QuestionType
  options: string[]
  required: boolean
}

export const NEEDS_MAX = 1000
export const TEXT_ANSWER_MAX = 2000
/** The body of the 404 for an invite-only event, which the form's error boundary turns into an explanation. */
export const INVITE_ONLY = 'invite-only'
/** The honeypot's field name: a plausible name that form-filling robots fill in. */
export const HONEYPOT_FIELD = 'website'

/** Options of a choice question as stored (a JSON array); anything else gives no options. */
export function optionsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function questionLabel(question: Pick<RegistrationQuestionDef, 'label' | 'labelEn'>, lang: 'nl' | 'en') {
  return lang === 'en' && question.labelEn ? question.labelEn : question.label
}

export type Answer = string | boolean

/** Stored answers read by the contract above, as a plain map; anything malformed is left out. */
export function answersOf(value: unknown): Record<string, Answer> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const answers: Record<string, Answer> = {}
  for (const [key, answer] of Object.entries(value)) {
    if (typeof answer === 'string' || typeof answer === 'boolean') answers[key] = answer
  }
  return answers
}

/** The form field of one custom answer; Conform reads `answers.<id>` into the nested `answers` object. */
export const answerFieldName = (questionId: string) => `answers.${questionId}`

type Errors = Dictionary['registration']['errors']

function optionalText(e: Errors, max: number) {
  return z
    .string()
    .max(max, e.tooLong(max))
    .refine((v) => !hasControlCharactersExceptBreaks(v), e.controlCharacters)
    .transform((v) => v.trim())
    .optional()
    .default('')
}

function answerSchema(question: RegistrationQuestionDef, e: Errors, lang: 'nl' | 'en') {
  const label = questionLabel(question, lang)
  const required = e.answerRequired(label)
  const base = z.string({ required_error: required, invalid_type_error: required })
  let schema: z.ZodType<string | boolean | undefined, z.ZodTypeDef, unknown>
  if (question.type === 'text') {
    const text = base
      .max(TEXT_ANSWER_MAX, e.tooLong(TEXT_ANSWER_MAX))
      .refine((v) => !hasControlCharactersExceptBreaks(v), e.controlCharacters)
      .transform((v) => v.trim())
    schema = question.required ? text.refine((v) => v.length > 0, required) : text.optional()
  } else if (question.type === 'choice') {
    const choice = base.refine((v) => question.options.includes(v), e.choiceInvalid(label))
    schema = question.required ? choice : choice.optional()
  } else {
    const yesNo = base.refine((v) => v === 'yes' || v === 'no', e.yesNoInvalid(label)).transform((v) => v === 'yes')
    schema = question.required ? yesNo : yesNo.optional()
  }
  return schema
}

/**
 * The schema of the registration form for an event's questions. `lang` only picks the question labels in
 * the messages; the messages themselves come from `e` (the page's dictionary).
 */
export function registrationSchema(e: Errors, questions: RegistrationQuestionDef[], lang: 'nl' | 'en' = 'nl') {
  const answerShape: Record<string, z.ZodTypeAny> = {}
  for (const question of questions) answerShape[question.id] = answerSchema(question, e, lang)
  return z.object({
    // The person: the same rules as the manage page and the secretariat's contacts (person-fields.ts).
    name: personName(e),
    email: personEmail(e),
    organisationName: personOrganisationName(e),
    function: personFunction(e),
    language: z.enum(['nl', 'en'], { errorMap: () => ({ message: e.language }) }).default(lang),
    dietary: optionalText(e, NEEDS_MAX),
    accessibility: optionalText(e, NEEDS_MAX),
    photoConsent: z.boolean().optional().default(false),
    answers: z
      .object(answerShape)
      .optional()
      .default({})
      // Only answered questions get a key (the contract: a missing key is "not answered").
      .transform((all) => Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== ''))),
  })
}

export type RegistrationValues = z.output<ReturnType<typeof registrationSchema>>

// ─── The secretariat's questions editor ───────────────────────────────────────────────────────────────────

export const QUESTION_LABEL_MAX = 300
export const OPTION_MAX = 200

export function questionSchema(e: Dictionary['registration']['questionsAdmin']['errors']) {
  return z
    .object({
      label: z
        .string({ required_error: e.labelRequired })
        .trim()
        .min(1, e.labelRequired)
        .max(QUESTION_LABEL_MAX, e.tooLong(QUESTION_LABEL_MAX)),
      labelEn: z.string().trim().max(QUESTION_LABEL_MAX, e.tooLong(QUESTION_LABEL_MAX)).optional(),
      type: z.enum(['text', 'choice', 'yes_no'], { errorMap: () => ({ message: e.type }) }),
      options: z.string().max(5000, e.tooLong(5000)).optional().default(''),
      required: z.boolean().optional().default(false),
    })
    .transform((v, ctx) => {
      const options = v.options
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean)
      if (v.type === 'choice') {
        if (options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: e.optionsTooFew })
        else if (new Set(options).size !== options.length)
          ctx.addIssue({ code: 'custom', path: ['options'], message: e.optionsDuplicate })
        else if (options.some((o) => o.length > OPTION_MAX))
          ctx.addIssue({ code: 'custom', path: ['options'], message: e.tooLong(OPTION_MAX) })
      }
      return {
        label: v.label,
        labelEn: v.labelEn || null,
        type: v.type,
        options: v.type === 'choice' ? options : [],
        required: v.required,
      }
    })
}

export type QuestionValues = z.output<ReturnType<typeof questionSchema>>

// ─── The registration window ──────────────────────────────────────────────────────────────────────────────

export type RegistrationWindow = 'open' | 'not-yet' | 'closed'

/** As register() decides: open from opensAt (if set) until closesAt (if set) and never after the event. */
export function registrationWindow(
  event: { registrationOpensAt: Date | null; registrationClosesAt: Date | null; endsAt: Date },
  now: Date,
): RegistrationWindow {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return 'not-yet'
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return 'closed'
  return now < event.endsAt ? 'open' : 'closed'
}

/** What the form says about seats: a number left, full (the waitlist), or no limit. */
export function seatsLeft(event: { capacity: number | null; confirmedCount: number }): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - event.confirmedCount)
}
