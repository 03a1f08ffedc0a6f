// Shared by the "new" and "edit" routes: reading the submitted event form, including the address lookup.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { eventFormSchema } from '~/domain/event-schema'
import type { Dictionary } from '~/i18n/nl'
import { geocodeAddress } from '~/models/geocoding.server'

export async function readEventForm(request: Request, t: Dictionary) {
  const formData = await request.formData()
  if (formData.get('intent') === 'geocode') {
    // Look the address up and show the form again with the suggestions; nothing is saved or validated yet.
    const echo = parseWithZod(formData, { schema: z.object({}).passthrough() })
    const text = (name: string) => String(formData.get(name) ?? '').slice(0, 200)
    const result = await geocodeAddress({
      address: text('venueAddress'),
      postcode: text('venuePostcode'),
      city: text('venueCity'),
    })
    const geocode =
      result.kind === 'ok'
        ? {
            kind: 'ok' as const,
            suggestions: result.suggestions.map(({ id, label, latitude, longitude }) => ({
              id,
              label,
              latitude,
              longitude,
            })),
          }
        : { kind: 'unavailable' as const }
    return { kind: 'response' as const, response: data({ result: echo.reply(), geocode }, { status: 200 }) }
  }
  const submission = parseWithZod(formData, { schema: eventFormSchema(t.eventAdmin.errors) })
  if (submission.status !== 'success') {
    return { kind: 'response' as const, response: data({ result: submission.reply(), geocode: null }, { status: 400 }) }
  }
  return { kind: 'valid' as const, submission, formData }
}
