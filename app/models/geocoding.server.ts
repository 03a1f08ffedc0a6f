// Venue geocoding through the PDOK Locatieserver (the Dutch government's free address search over the BAG).
// Geocoding is a convenience: saving an event must never depend on it, so nothing here throws and every
// failure becomes `unavailable`, which the page can show as "address not geocoded". An address is personal
// data when it is someone's home, so none of it goes to the console or into the `reason`.
import { z } from 'zod'

export const PDOK_FREE_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free'
const FIELDS = 'id,weergavenaam,straatnaam,huis_nlt,postcode,woonplaatsnaam,centroide_ll,type,score'
const DEFAULT_TIMEOUT_MS = 3_000

export type GeocodeInput = { address: string; postcode: string; city: string }
export type GeocodeSuggestion = {
  id: string
  label: string
  street: string
  houseNumber: string
  postcode: string
  city: string
  latitude: number
  longitude: number
}
export type GeocodeResult = { kind: 'ok'; suggestions: GeocodeSuggestion[] } | { kind: 'unavailable'; reason: string }

// Only what we use is checked; PDOK may add fields without breaking us. huis_nlt is a string in v3.1
// ("147", "12a"), but a number would be just as usable.
const doc = z.object({
  id: z.string().min(1),
  weergavenaam: z.string(),
  straatnaam: z.string().optional(),
  huis_nlt: z.union([z.string(), z.number()]).optional(),
  postcode: z.string().optional(),
  woonplaatsnaam: z.string().optional(),
  centroide_ll: z.string(),
})
const body = z.object({ response: z.object({ numFound: z.number(), docs: z.array(doc) }) })

export async function geocodeAddress(
  input: GeocodeInput,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<GeocodeResult> {
  const q = [input.address, input.postcode, input.city]
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ')
  if (!q) return { kind: 'ok', suggestions: [] }

  const url = new URL(PDOK_FREE_URL)
  url.searchParams.set('q', q)
  url.searchParams.set('fq', 'type:adres')
  url.searchParams.set('rows', '5')
  url.searchParams.set('fl', FIELDS)

  // Looked up at call time, not import time, so that a fetch patched later (msw in tests) is the one used.
  const doFetch = options.fetch ?? globalThis.fetch
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  let json: unknown
  try {
    // Raced against the signal as well: not every fetch (a test double, an interceptor) stops reading a
    // body when its signal aborts, and a stalled body must not hold up saving the event.
    const response = await within(signal, doFetch(url, { headers: { Accept: 'application/json' }, signal }))
    if (!response.ok) {
      // Not awaited: the error page is of no use, and cancelling must not be able to hold us up either.
      response.body?.cancel().catch(() => {})
      return { kind: 'unavailable', reason: `http-${response.status}` }
    }
    const text = await within(signal, response.text())
    try {
      json = JSON.parse(text)
    } catch {
      return { kind: 'unavailable', reason: 'invalid-json' }
    }
  } catch {
    // Fixed reasons only: an error message may quote the URL, and with it the address.
    return { kind: 'unavailable', reason: signal.aborted ? 'timeout' : 'network-error' }
  }
  const parsed = body.safeParse(json)
  if (!parsed.success) return { kind: 'unavailable', reason: 'unexpected-response' }

  const suggestions: GeocodeSuggestion[] = []
  for (const d of parsed.data.response.docs) {
    // A suggestion without a usable point cannot be put on a map; the others are still worth offering.
    const point = parsePoint(d.centroide_ll)
    if (!point) continue
    suggestions.push({
      id: d.id,
      label: d.weergavenaam,
      street: d.straatnaam ?? '',
      houseNumber: d.huis_nlt === undefined ? '' : String(d.huis_nlt),
      postcode: formatPostcode(d.postcode ?? ''),
      city: d.woonplaatsnaam ?? '',
      ...point,
    })
  }
  return { kind: 'ok', suggestions }
}

/** The promise, or a rejection as soon as the signal aborts, whichever comes first. */
function within<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

// BAG writes postcodes as "2511DP"; Dutch addresses are written "2511 DP".
function formatPostcode(postcode: string) {
  const match = /^(\d{4})\s*([A-Za-z]{2})$/.exec(postcode.trim())
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : postcode.trim()
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`
// WKT is "POINT(lon lat)" — x before y, so longitude first. A Z or M ordinate, if ever present, is ignored.
const POINT = new RegExp(
  String.raw`^\s*POINT\s*(?:Z|M|ZM)?\s*\(\s*(${NUMBER})\s+(${NUMBER})(?:\s+${NUMBER}){0,2}\s*\)\s*$`,
  'i',
)

/** Reads a WKT point in WGS84 ("POINT(4.31637 52.07866)"); null for anything that is not a valid one. */
export function parsePoint(wkt: string): { latitude: number; longitude: number } | null {
  const match = POINT.exec(wkt)
  if (!match) return null
  const longitude = Number(match[1])
  const latitude = Number(match[2])
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}

/** A link to the point on openstreetmap.org, with a marker, for the event page's "route" link. */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  // Six decimals is about 10 cm: more only makes the link longer.
  const lat = String(Number(latitude.toFixed(6)))
  const lon = String(Number(longitude.toFixed(6)))
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`
}
