import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { isEmail } from './person-fields'

export function speakerSchema(e: Dictionary['speakersAdmin']['errors']) {
  const text = (max: number) => z.string().trim().max(max, e.tooLong(max)).optional().default('')
  // The one e-mail check of the app (person-fields.ts); empty is left out by Conform, so optional.
  const email = z.string().trim().toLowerCase().refine(isEmail, e.emailInvalid).optional()
  return z.object({
    honorific: text(60),
    name: z.string({ required_error: e.nameRequired }).trim().min(1, e.nameRequired).max(120, e.tooLong(120)),
    function: text(200),
    organisationId: z.string().max(64).optional(),
    attribution: text(300),
    bio: text(3000),
    email,
    language: z.enum(['nl', 'en']).default('nl'),
    delegateName: text(120),
    delegateEmail: email,
    photoCredit: text(120),
    removePhoto: z.boolean().optional().default(false),
    consentPublishName: z.boolean().optional().default(false),
    consentPublishPhoto: z.boolean().optional().default(false),
    consentPublishQuotes: z.boolean().optional().default(false),
  })
}

export type SpeakerValues = z.output<ReturnType<typeof speakerSchema>>
