// The rules for a person's details, one set for every form that asks for them: the registration form (public
// and invitation), the manage page and the secretariat's contact form. IO-free.
import { z } from 'zod'

/** Longest accepted value per field; the database columns are text, these are the form limits. */
export const PERSON_LIMITS = { name: 200, email: 254, function: 200, organisationName: 200 } as const

// C0 and C1 control characters. A one-line field takes none (a CR/LF could end up in a mail header or a CSV
// row); a multi-line field keeps tab and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/
// eslint-disable-next-line no-control-regex -- as above
const controlCharactersExceptBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export const hasControlCharacters = (value: string) => controlCharacters.test(value)
export const hasControlCharactersExceptBreaks = (value: string) => controlCharactersExceptBreaks.test(value)

// A plain address without spaces, line breaks or the characters that mean something in a mail header.
const emailPattern = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/

/** The one e-mail check: a plain address of at most 254 characters, without spaces or control characters. */
export function isEmail(value: string) {
  return value.length <= PERSON_LIMITS.email && emailPattern.test(value) && !hasControlCharacters(value)
}

/** An e-mail address as stored for contacts: trimmed and in lower case (they match case-insensitively). */
export const normaliseEmail = (value: string) => value.trim().toLowerCase()

type LineErrors = { tooLong: (max: number) => string; controlCharacters: string }

/**
 * A one-line text field: at most `max` characters, no control characters (checked before trimming, so "Jan\r\n"
 * is refused rather than silently cleaned), then trimmed. Optional; empty gives ''.
 */
export function oneLine(e: LineErrors, max: number) {
  return z
    .string()
    .max(max, e.tooLong(max))
    .refine((v) => !hasControlCharacters(v), e.controlCharacters)
    .transform((v) => v.trim())
}

export function optionalOneLine(e: LineErrors, max: number) {
  return oneLine(e, max).optional().default('')
}

/** A required one-line field: as `oneLine`, and empty (or only spaces) gives `required`. */
export function requiredOneLine(e: LineErrors, max: number, required: string) {
  return z
    .string({ required_error: required })
    .max(max, e.tooLong(max))
    .refine((v) => !hasControlCharacters(v), e.controlCharacters)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, required)
}

/** A person's name: required, one line, at most 200 characters. */
export const personName = (e: LineErrors & { nameRequired: string }) =>
  requiredOneLine(e, PERSON_LIMITS.name, e.nameRequired)

/** A function (job title): optional, one line, at most 200 characters. */
export const personFunction = (e: LineErrors) => optionalOneLine(e, PERSON_LIMITS.function)

/** The name of the person's organisation as typed: optional, one line, at most 200 characters. */
export const personOrganisationName = (e: LineErrors) => optionalOneLine(e, PERSON_LIMITS.organisationName)

/** A required e-mail address, trimmed (case is kept; callers that compare addresses lower-case them). */
export function personEmail(e: { emailRequired: string; emailInvalid: string }) {
  return z
    .string({ required_error: e.emailRequired })
    .trim()
    .superRefine((v, ctx) => {
      if (!isEmail(v)) ctx.addIssue({ code: 'custom', message: v ? e.emailInvalid : e.emailRequired })
    })
}
