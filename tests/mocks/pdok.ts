// The PDOK Locatieserver (free search, v3.1) as msw handlers. The success handler answers like the real
// service: the address of the Ministerie van Justitie en Veiligheid for "Turfmarkt 147 …", no results for
// anything else. The other helpers make PDOK fail in each way the geocoder must survive.
import { delay, http, HttpResponse } from 'msw'

export const PDOK_FREE_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free'

/** A BAG address document as PDOK returns it for fl=id,weergavenaam,…,score (the city is 's-Gravenhage in BAG). */
export const turfmarkt147 = {
  id: 'adr-9a1b7c4a1f7e3c0b2d5e8f6a4c3b2a19',
  weergavenaam: "Turfmarkt 147, 2511DP 's-Gravenhage",
  straatnaam: 'Turfmarkt',
  huis_nlt: '147',
  postcode: '2511DP',
  woonplaatsnaam: "'s-Gravenhage",
  centroide_ll: 'POINT(4.31637363 52.07866487)',
  type: 'adres',
  score: 21.917473,
}

/** The Solr envelope around a list of documents. */
export function pdokBody(docs: object[], q = '') {
  return {
    responseHeader: { status: 0, QTime: 2, params: { q, fq: 'type:adres', rows: '5', wt: 'json' } },
    response: { numFound: docs.length, start: 0, maxScore: docs.length ? 21.917473 : 0, numFoundExact: true, docs },
  }
}

function matchesTurfmarkt(q: string) {
  const words = q.toLowerCase()
  return words.includes('turfmarkt') && /\b147\b/.test(words)
}

/** The default: realistic answers, no network. */
export const pdokSuccess = http.get(PDOK_FREE_URL, ({ request }) => {
  const q = new URL(request.url).searchParams.get('q') ?? ''
  return HttpResponse.json(pdokBody(matchesTurfmarkt(q) ? [turfmarkt147] : [], q))
})

/** Answers every search with these documents (for odd WKT, several suggestions, …). */
export const pdokReturns = (docs: object[]) => http.get(PDOK_FREE_URL, () => HttpResponse.json(pdokBody(docs)))

/** PDOK answers with an HTTP error (500 unless told). */
export const pdokStatus = (status = 500) =>
  http.get(PDOK_FREE_URL, () => HttpResponse.text('Internal Server Error', { status }))

/** The connection fails (DNS, reset, …): fetch rejects with a TypeError. */
export const pdokNetworkError = () => http.get(PDOK_FREE_URL, () => HttpResponse.error())

/** A 200 whose body is not JSON (a proxy's HTML page, a truncated answer). */
export const pdokInvalidJson = () =>
  http.get(
    PDOK_FREE_URL,
    () =>
      new HttpResponse('<html><body>Bad gateway</body></html>', { headers: { 'Content-Type': 'application/json' } }),
  )

/** Valid JSON of an unexpected shape (an API change). */
export const pdokUnexpectedShape = (body: unknown = { results: [] }) =>
  http.get(PDOK_FREE_URL, () => HttpResponse.json(body as object))

/** Answers only after `ms` (or when the client gives up), to run into the geocoder's timeout. */
export const pdokSlow = (ms: number) =>
  http.get(PDOK_FREE_URL, async ({ request }) => {
    await Promise.race([delay(ms), aborted(request.signal)])
    return HttpResponse.json(pdokBody([turfmarkt147]))
  })

/** Sends the headers at once but the body only after `ms`: the timeout must also cover reading the body. */
export const pdokSlowBody = (ms: number) =>
  http.get(PDOK_FREE_URL, ({ request }) => {
    const text = JSON.stringify(pdokBody([turfmarkt147]))
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(text.slice(0, 20)))
        await Promise.race([delay(ms), aborted(request.signal)])
        // As undici does: a body whose request was aborted errors instead of completing.
        if (request.signal.aborted) return controller.error(request.signal.reason)
        controller.enqueue(new TextEncoder().encode(text.slice(20)))
        controller.close()
      },
    })
    return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } })
  })

function aborted(signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })
}
