import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { personFunction, personName, personOrganisationName } from './person-fields'

// What a registrant may change on their manage page. E-mail is not here: it is the identity of the
// registration (one active registration per e-mail), so a change goes through the secretariat.
// Name, function and organisation follow the registration form's rules (person-fields.ts): one line, no
// control characters (checked before trimming, so "Jan\r\n" is refused rather than silently cleaned).
export function registrationDetailsSchema(e: Dictionary['manage']['errors']) {
  const text = (max: number) => z.string().max(max, e.tooLong(max)).trim().optional().default('')
  return z.object({
    name: personName(e),
    function: personFunction(e),
    organisationName: personOrganisationName(e).optional(),
    dietary: text(1000),
    accessibility: text(1000),
    photoConsent: z.boolean().optional().default(false),
    language: z.enum(['nl', 'en'], { message: e.language }).default('nl'),
  })
}

export type RegistrationDetails = z.output<ReturnType<typeof registrationDetailsSchema>>
