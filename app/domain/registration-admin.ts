// What the secretariat's registrations pages may show and do, as plain values: shared by the server (filters,
// actions) and the page components (select options, buttons, filter links). IO-free.
import { z } from 'zod'
import { SECTORS } from './sectors'

export const STATUSES = ['pending_approval', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const
export type Status = (typeof STATUSES)[number]

export const ACTIONS = ['approve', 'reject', 'promote', 'cancel', 'review'] as const
export type RegistrationAction = (typeof ACTIONS)[number]

const ACTIVE: readonly Status[] = ['pending_approval', 'confirmed', 'waitlisted']

/** Which actions fit a registration in this state (the page offers only these; the server checks again). */
export function actionsFor(registration: { status: Status; flagged: boolean }): RegistrationAction[] {
  const actions: RegistrationAction[] = []
  if (registration.status === 'pending_approval') actions.push('approve', 'reject')
  if (registration.status === 'waitlisted') actions.push('promote')
  if (ACTIVE.includes(registration.status)) actions.push('cancel')
  if (registration.flagged) actions.push('review')
  return actions
}

// ─── Filters (the list's GET form; the exports take the same query string) ────────────────────────────────

// Unknown or malformed values fall back to "no filter" rather than an error: these come from a URL.
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  organisation: z.string().trim().min(1).max(100).optional().catch(undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  flagged: z
    .literal('1')
    .optional()
    .catch(undefined)
    .transform((value) => value === '1'),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})

export type RegistrationFilter = z.infer<typeof filterSchema>

/** Dutch query parameters (status, organisatie, sector, doorgestuurd, zoek, pagina) → a filter. */
export function parseRegistrationFilter(params: URLSearchParams): RegistrationFilter {
  const get = (name: string) => params.get(name) || undefined
  return filterSchema.parse({
    status: get('status'),
    organisation: get('organisatie'),
    sector: get('sector'),
    flagged: get('doorgestuurd'),
    q: get('zoek'),
    page: get('pagina') ?? 1,
  })
}

/** The filter back as a query string (without the page), for links to the exports and the pages. */
export function filterQuery(filter: RegistrationFilter, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  if (filter.status) params.set('status', filter.status)
  if (filter.organisation) params.set('organisatie', filter.organisation)
  if (filter.sector) params.set('sector', filter.sector)
  if (filter.flagged) params.set('doorgestuurd', '1')
  if (filter.q) params.set('zoek', filter.q)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}
