// Realistic sample props for previews, the dev mailbox and tests: the 4 December event of Samen tegen
// mensenhandel. example.org addresses only.
import { type BaseProps, type EventSummary, type Lang } from './shared'

const site = 'https://bijeen.example.org'

export function sampleBase(lang: Lang): BaseProps {
  return { lang, programmeName: 'Samen tegen mensenhandel', secretariatEmail: 'secretariaat@example.org' }
}

export function sampleEvent(): EventSummary {
  return {
    title: 'Formele start Samen tegen mensenhandel',
    startsAt: '2026-12-04T13:00:00.000Z',
    endsAt: '2026-12-04T16:00:00.000Z',
    timeZone: 'Europe/Amsterdam',
    venueName: 'Ministerie van Justitie en Veiligheid',
    venueAddress: 'Turfmarkt 147',
    venuePostcode: '2511 DP',
    venueCity: 'Den Haag',
    onlineUrl: 'https://meet.example.org/formele-start-samen-tegen-mensenhandel',
    url: `${site}/bijeenkomsten/formele-start-samen-tegen-mensenhandel`,
  }
}

export const sampleLinks = {
  invitation: `${site}/uitnodiging/q3Zt8LwVn0bR2xY5kPj7HcAe4uSd9FgM1oIiTrWzXyE`,
  registration: `${site}/aanmelding/Hk2pX9vQm4Lw7zR1sT6yB3nC8dF5gJ0aE2iU4oP6qWe`,
  speaker: `${site}/spreker/Nv5bM8xZ2cL4kJ7hG1fD9sA3pO6iU0yT2rE5wQ8tYu`,
  report: `${site}/verslagen/formele-start-samen-tegen-mensenhandel`,
  account: `${site}/beheer/account/Pq7wE2rT5yU8iO1pA4sD6fG9hJ3kL0zX2cV5bN8mQa`,
}

export const sampleParticipant = { recipientName: 'Petra Jansen', organisationName: 'Nationale Politie' }

/**
 * A QR-like picture for previews only (it does not scan): three finder squares and a fixed pattern. Real mail
 * carries the check-in code as an inline attachment (`cid:qr@bijeen`).
 */
export const sampleQrCodeSrc = (() => {
  const size = 21
  const finder = (x: number, y: number) => {
    for (const [fx, fy] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ]) {
      const dx = x - fx
      const dy = y - fy
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
        const inside = dx >= 0 && dx <= 6 && dy >= 0 && dy <= 6
        const ring = dx === 0 || dx === 6 || dy === 0 || dy === 6
        const eye = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4
        return inside && (ring || eye)
      }
    }
    return null
  }
  let path = ''
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const f = finder(x, y)
      if (f ?? (x * 7 + y * 13 + x * y) % 5 < 2) path += `M${x + 4} ${y + 4}h1v1h-1z`
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges"><rect width="29" height="29" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
})()

/** Staatssecretaris Harbers at the launch, verbatim (as in prisma/seed.ts). */
export const sampleQuote =
  'In welke verschijningsvorm dan ook: mensenhandel is een afschuwelijk delict, dat op grove wijze inbreuk maakt op een van de meest fundamentele mensenrechten: de individuele vrijheid. Voor de slachtoffers kunnen de gevolgen bijzonder traumatisch zijn; mensen zijn soms voor hun leven getekend.'

export function sampleAttribution(lang: Lang) {
  return lang === 'nl'
    ? 'Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid'
    : 'State Secretary Harbers of the Ministry of Justice and Security'
}
