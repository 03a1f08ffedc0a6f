import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'

// What a registrant may change on their manage page. E-mail is not here: it is the identity of the
// registration (one active registration per e-mail), so a change goes through the secretariat.
export function registrationDetailsSchema(e: Dictionary['manage']['errors']) {
  // The line-break check runs before trim, so "Jan\r\n" is refused rather than silently cleaned.
  const line = (max: number) =>
    z
      .string({ required_error: e.nameRequired })
      .regex(/^[^\r\n]*$/, e.oneLine)
      .max(max, e.tooLong(max))
      .trim()
  const text = (max: number) => z.string().max(max, e.tooLong(max)).trim().optional().default('')
  return z.object({
    name: line(200).min(1, e.nameRequired),
    function: line(200).optional().default(''),
    organisationName: line(200).optional(),
    dietary: text(1000),
    accessibility: text(1000),
    photoConsent: z.boolean().optional().default(false),
    language: z.enum(['nl', 'en'], { message: e.language }).default('nl'),
  })
}

export type RegistrationDetails = z.output<ReturnType<typeof registrationDetailsSchema>>
