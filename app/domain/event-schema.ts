// The event form, one Zod schema for server and browser (Conform). Times are entered in the event's zone
// (Europe/Amsterdam) and become UTC instants here; a time that does not exist that day is refused.
import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'
import { zonedToUtc } from './format'

export const EVENT_ZONE = 'Europe/Amsterdam'

const date = /^\d{4}-\d{2}-\d{2}$/
const time = /^\d{2}:\d{2}$/

/** The years an event or its registration window may fall in: a typo like 0202 or 1900 is caught here. */
export const EVENT_YEARS = { from: 2000, to: 2100 } as const
const inYears = (d: string) => {
  const year = Number(d.slice(0, 4))
  return year >= EVENT_YEARS.from && year <= EVENT_YEARS.to
}

export function eventFormSchema(e: Dictionary['eventAdmin']['errors']) {
  const text = (max: number) => z.string().trim().max(max, e.tooLong(max)).optional().default('')
  return z
    .object({
      programmeId: z.string({ required_error: e.programmeRequired }).min(1, e.programmeRequired).max(64),
      title: z.string({ required_error: e.titleRequired }).trim().min(1, e.titleRequired).max(200, e.tooLong(200)),
      subtitle: text(300),
      description: text(20_000),
      date: z.string({ required_error: e.dateRequired }).regex(date, e.dateRequired),
      startTime: z.string({ required_error: e.timeRequired }).regex(time, e.timeRequired),
      endTime: z.string({ required_error: e.timeRequired }).regex(time, e.timeRequired),
      venueName: text(200),
      venueAddress: text(200),
      // Optional: Conform turns an empty field into undefined, and the default '' must pass the check too.
      venuePostcode: z
        .string()
        .trim()
        .max(10, e.postcodeInvalid)
        .optional()
        .default('')
        .refine((v) => v === '' || /^\d{4}\s?[A-Za-z]{2}$/.test(v), e.postcodeInvalid)
        .transform((v) => (v ? `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}` : '')),
      venueCity: text(100),
      onlineUrl: z
        .string()
        .trim()
        .max(500, e.tooLong(500))
        .url(e.urlInvalid)
        .refine((v) => v.startsWith('https://'), e.urlInvalid)
        .optional(),
      capacity: z
        .number({ invalid_type_error: e.capacityInvalid })
        .int(e.capacityInvalid)
        .min(1, e.capacityInvalid)
        .max(100_000, e.capacityInvalid)
        .optional(),
      opensDate: z.string().regex(date, e.dateRequired).optional(),
      opensTime: z.string().regex(time, e.timeRequired).optional(),
      closesDate: z.string().regex(date, e.dateRequired).optional(),
      closesTime: z.string().regex(time, e.timeRequired).optional(),
      visibility: z.enum(['invite_only', 'public']).default('invite_only'),
      requiresApproval: z.boolean().optional().default(false),
      language: z.enum(['nl', 'en']).default('nl'),
      hostIds: z.array(z.string().min(1).max(64)).max(20).optional().default([]),
      // Set from a PDOK suggestion the secretariat picked: "lat,lon".
      position: z
        .string()
        .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/)
        .optional(),
    })
    .superRefine((v, ctx) => {
      const startsAt = date.test(v.date) && time.test(v.startTime) ? zonedToUtc(v.date, v.startTime, EVENT_ZONE) : null
      const endsAt = date.test(v.date) && time.test(v.endTime) ? zonedToUtc(v.date, v.endTime, EVENT_ZONE) : null
      const outOfRange = e.dateOutOfRange(EVENT_YEARS.from, EVENT_YEARS.to)
      for (const field of ['opensDate', 'closesDate'] as const) {
        const value = v[field]
        if (value && date.test(value) && !inYears(value))
          ctx.addIssue({ code: 'custom', path: [field], message: outOfRange })
      }
      if (date.test(v.date) && !inYears(v.date)) ctx.addIssue({ code: 'custom', path: ['date'], message: outOfRange })
      else if (date.test(v.date) && !zonedToUtc(v.date, '12:00', EVENT_ZONE))
        ctx.addIssue({ code: 'custom', path: ['date'], message: e.dateInvalid })
      else if (time.test(v.startTime) && !startsAt)
        ctx.addIssue({ code: 'custom', path: ['startTime'], message: e.timeInvalid })
      else if (time.test(v.endTime) && !endsAt)
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: e.timeInvalid })
      else if (startsAt && endsAt && endsAt <= startsAt)
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: e.endBeforeStart })
      const opens = windowMoment(v.opensDate, v.opensTime)
      const closes = windowMoment(v.closesDate, v.closesTime)
      if (opens === 'incomplete') ctx.addIssue({ code: 'custom', path: ['opensTime'], message: e.windowIncomplete })
      if (closes === 'incomplete') ctx.addIssue({ code: 'custom', path: ['closesTime'], message: e.windowIncomplete })
      if (opens instanceof Date && closes instanceof Date && opens >= closes) {
        ctx.addIssue({ code: 'custom', path: ['closesDate'], message: e.windowOrder })
      }
      if (closes instanceof Date && endsAt && closes > endsAt)
        ctx.addIssue({ code: 'custom', path: ['closesDate'], message: e.windowAfterEvent })
    })
    .transform((v) => ({
      ...v,
      startsAt: zonedToUtc(v.date, v.startTime, EVENT_ZONE)!,
      endsAt: zonedToUtc(v.date, v.endTime, EVENT_ZONE)!,
      registrationOpensAt: asDate(windowMoment(v.opensDate, v.opensTime)),
      registrationClosesAt: asDate(windowMoment(v.closesDate, v.closesTime)),
      latitude: v.position ? Number(v.position.split(',')[0]) : null,
      longitude: v.position ? Number(v.position.split(',')[1]) : null,
    }))
}

function windowMoment(d?: string, t?: string): Date | null | 'incomplete' {
  if (!d && !t) return null
  if (!d || !t) return 'incomplete'
  return zonedToUtc(d, t, EVENT_ZONE) ?? 'incomplete'
}

const asDate = (v: Date | null | 'incomplete') => (v instanceof Date ? v : null)

export type EventFormValues = z.output<ReturnType<typeof eventFormSchema>>

/** "formele-start-samen-tegen-mensenhandel": lower case ASCII, words joined by hyphens. */
export function slugify(title: string) {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || 'bijeenkomst'
}

/** The slug itself when free, else the first free `slug-2`, `slug-3`… */
export function freeSlug(base: string, taken: ReadonlySet<string>) {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
