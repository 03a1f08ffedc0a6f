// Venue geocoding against msw's PDOK Locatieserver: suggestions on success, `unavailable` (never a throw)
// for every way PDOK can fail, no request for an empty address, and no console output at all.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { geocodeAddress, openStreetMapUrl, parsePoint } from '~/models/geocoding.server'
import {
  PDOK_FREE_URL,
  pdokBody,
  pdokInvalidJson,
  pdokNetworkError,
  pdokReturns,
  pdokSlow,
  pdokSlowBody,
  pdokStatus,
  pdokUnexpectedShape,
  turfmarkt147,
} from '../mocks/pdok.ts'
import { server } from '../mocks/server.ts'

const turfmarkt = { address: 'Turfmarkt 147', postcode: '2511 DP', city: 'Den Haag' }

// console.error is already guarded by tests/setup/test-env.ts; the other methods are watched here.
const methods = ['log', 'info', 'warn', 'debug', 'trace'] as const
let requests: Request[] = []
const onRequest = ({ request }: { request: Request }) => void requests.push(request.clone())

beforeEach(() => {
  for (const method of methods) vi.spyOn(console, method).mockImplementation(() => {})
  requests = []
  server.events.on('request:start', onRequest)
})
afterEach(() => {
  server.events.removeListener('request:start', onRequest)
  for (const method of methods) {
    expect(vi.mocked(console[method]), `console.${method}`).not.toHaveBeenCalled()
    vi.mocked(console[method]).mockRestore()
  }
})

describe('geocodeAddress', () => {
  test('turns the PDOK answer into suggestions with the right coordinates', async () => {
    const result = await geocodeAddress(turfmarkt)
    expect(result).toEqual({
      kind: 'ok',
      suggestions: [
        {
          id: turfmarkt147.id,
          label: "Turfmarkt 147, 2511DP 's-Gravenhage",
          street: 'Turfmarkt',
          houseNumber: '147',
          postcode: '2511 DP',
          city: "'s-Gravenhage",
          latitude: 52.07866487,
          longitude: 4.31637363,
        },
      ],
    })
    // Longitude and latitude not swapped: The Hague is at about 52° N, 4° E.
    if (result.kind !== 'ok') throw new Error('unreachable')
    expect(result.suggestions[0]!.latitude).toBeCloseTo(52.0787, 3)
    expect(result.suggestions[0]!.longitude).toBeCloseTo(4.3164, 3)
  })

  test('sends one GET with q, fq=type:adres, rows=5 and the field list', async () => {
    await geocodeAddress({ address: '  Turfmarkt   147 ', postcode: '2511 DP', city: 'Den Haag' })
    expect(requests).toHaveLength(1)
    const request = requests[0]!
    expect(request.method).toBe('GET')
    const url = new URL(request.url)
    expect(url.origin + url.pathname).toBe(PDOK_FREE_URL)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'Turfmarkt 147 2511 DP Den Haag',
      fq: 'type:adres',
      rows: '5',
      fl: 'id,weergavenaam,straatnaam,huis_nlt,postcode,woonplaatsnaam,centroide_ll,type,score',
    })
  })

  test('an address PDOK does not know gives ok with no suggestions', async () => {
    expect(await geocodeAddress({ address: 'Nergensstraat 1', postcode: '9999 ZZ', city: 'Nergens' })).toEqual({
      kind: 'ok',
      suggestions: [],
    })
    expect(requests).toHaveLength(1)
  })

  test('an empty address gives ok with no suggestions and makes no request', async () => {
    expect(await geocodeAddress({ address: '', postcode: ' ', city: '\t' })).toEqual({ kind: 'ok', suggestions: [] })
    expect(requests).toHaveLength(0)
  })

  test('drops documents whose point cannot be read and keeps the rest', async () => {
    server.use(
      pdokReturns([
        { ...turfmarkt147, id: 'adr-broken', centroide_ll: 'POINT(4.31637)' },
        { ...turfmarkt147, id: 'adr-empty', centroide_ll: 'POINT EMPTY' },
        { ...turfmarkt147, id: 'adr-rd', centroide_ll: 'POINT(81234.5 454321.9)' },
        turfmarkt147,
      ]),
    )
    const result = await geocodeAddress(turfmarkt)
    expect(result.kind === 'ok' && result.suggestions.map((s) => s.id)).toEqual([turfmarkt147.id])
  })

  test.each([
    ['HTTP 500', () => pdokStatus(500), 'http-500'],
    ['HTTP 503', () => pdokStatus(503), 'http-503'],
    ['HTTP 429', () => pdokStatus(429), 'http-429'],
    ['a network error', pdokNetworkError, 'network-error'],
    ['a body that is not JSON', pdokInvalidJson, 'invalid-json'],
    ['JSON of another shape', () => pdokUnexpectedShape(), 'unexpected-response'],
    [
      'a document without coordinates',
      () => pdokReturns([{ ...turfmarkt147, centroide_ll: undefined }]),
      'unexpected-response',
    ],
    ['a JSON null', () => pdokUnexpectedShape(null), 'unexpected-response'],
  ])('%s gives unavailable', async (_name, handler, reason) => {
    server.use(handler())
    await expect(geocodeAddress(turfmarkt)).resolves.toEqual({ kind: 'unavailable', reason })
    expect(requests).toHaveLength(1)
  })

  test('a slow answer gives unavailable after the timeout', async () => {
    server.use(pdokSlow(5_000))
    const started = performance.now()
    await expect(geocodeAddress(turfmarkt, { timeoutMs: 100 })).resolves.toEqual({
      kind: 'unavailable',
      reason: 'timeout',
    })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  test('the timeout also covers a body that stalls after the headers', async () => {
    server.use(pdokSlowBody(5_000))
    const started = performance.now()
    await expect(geocodeAddress(turfmarkt, { timeoutMs: 100 })).resolves.toEqual({
      kind: 'unavailable',
      reason: 'timeout',
    })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  test('the timeout holds even for a fetch that ignores its signal', async () => {
    const hangs = vi.fn<typeof globalThis.fetch>(() => new Promise(() => {}))
    await expect(geocodeAddress(turfmarkt, { fetch: hangs, timeoutMs: 50 })).resolves.toEqual({
      kind: 'unavailable',
      reason: 'timeout',
    })
    // Headers at once, then a body that never ends and does not listen to the signal either.
    const stalls = vi.fn<typeof globalThis.fetch>(
      async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200 }),
    )
    await expect(geocodeAddress(turfmarkt, { fetch: stalls, timeoutMs: 50 })).resolves.toEqual({
      kind: 'unavailable',
      reason: 'timeout',
    })
    expect(requests).toHaveLength(0)
  })

  test('the default timeout is 3 seconds', async () => {
    server.use(pdokSlow(10_000))
    const started = performance.now()
    await expect(geocodeAddress(turfmarkt)).resolves.toEqual({ kind: 'unavailable', reason: 'timeout' })
    const elapsed = performance.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(2_900)
    expect(elapsed).toBeLessThan(5_000)
  })

  test('a failing fetch gives unavailable, and the reason never quotes the address', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (url) => {
      throw new TypeError(`fetch failed for ${String(url)}`)
    })
    const result = await geocodeAddress(turfmarkt, { fetch })
    expect(fetch).toHaveBeenCalledOnce()
    expect(result).toEqual({ kind: 'unavailable', reason: 'network-error' })
    expect(JSON.stringify(result)).not.toMatch(/Turfmarkt|2511/)
    expect(requests).toHaveLength(0)
  })

  test('uses the fetch it is given', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json(pdokBody([turfmarkt147])))
    const result = await geocodeAddress({ address: 'x', postcode: '', city: '' }, { fetch })
    expect(result.kind === 'ok' && result.suggestions).toHaveLength(1)
    expect(requests).toHaveLength(0)
  })
})

describe('parsePoint', () => {
  test('reads WKT as longitude then latitude', () => {
    expect(parsePoint('POINT(4.31637 52.07866)')).toEqual({ latitude: 52.07866, longitude: 4.31637 })
    expect(parsePoint('  point ( 4.31637   52.07866 ) ')).toEqual({ latitude: 52.07866, longitude: 4.31637 })
    expect(parsePoint('POINT Z (4.5 52.1 3.2)')).toEqual({ latitude: 52.1, longitude: 4.5 })
    expect(parsePoint('POINT(-0.1276 51.5072)')).toEqual({ latitude: 51.5072, longitude: -0.1276 })
    expect(parsePoint('POINT(4e0 5.2e1)')).toEqual({ latitude: 52, longitude: 4 })
  })

  test('refuses anything that is not one valid point', () => {
    for (const wkt of [
      '',
      'POINT()',
      'POINT EMPTY',
      'POINT(4.3)',
      'POINT(4.3,52.0)',
      'POINT(abc 52)',
      'POINT(4.3 52.0) trailing',
      'LINESTRING(4.3 52.0, 4.4 52.1)',
      'POINT(81234.5 454321.9)', // Rijksdriehoek metres, not degrees
      'POINT(4.3 95)',
      'POINT(NaN 52)',
      'POINT(Infinity 52)',
    ]) {
      expect(parsePoint(wkt), wkt).toBeNull()
    }
  })
})

describe('openStreetMapUrl', () => {
  test('puts a marker on the point and zooms in', () => {
    expect(openStreetMapUrl(52.07866, 4.31637)).toBe(
      'https://www.openstreetmap.org/?mlat=52.07866&mlon=4.31637#map=18/52.07866/4.31637',
    )
    expect(openStreetMapUrl(52.07866487123, 4.31637363999)).toBe(
      'https://www.openstreetmap.org/?mlat=52.078665&mlon=4.316374#map=18/52.078665/4.316374',
    )
  })
})
