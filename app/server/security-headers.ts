// Headers that depend on what a page holds and how it is served, set on every answer by the server
// (app/server/http.ts), over what a route chose itself:
// - `Cache-Control: no-store` on the secretariat's pages, the sign-in pages and every page behind a personal
//   link: they show personal data, and no browser, proxy or back button may keep a copy;
// - `Referrer-Policy: no-referrer` behind a personal link: the address is never passed on, not even to the
//   site itself (the request guard accepts the page's own forms by their Sec-Fetch-Site);
// - HSTS when the site is served over https: APP_URL is https, or a trusted proxy says the request came in
//   over https (X-Forwarded-Proto with TRUST_PROXY, Express's req.secure).

const PERSONAL_LINK = /^\/(uitnodiging|aanmelding|spreker|activeren)(\/|$)/
const PRIVATE = /^\/(beheer|inloggen|uitloggen)(\/|$)/

/** Two years, as the HSTS preload list asks; subdomains are not the app's to decide. */
export const HSTS = 'max-age=63072000'

export function pageSecurityHeaders(input: { path: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {}
  const personalLink = PERSONAL_LINK.test(input.path)
  if (personalLink || PRIVATE.test(input.path)) headers['Cache-Control'] = 'private, no-store'
  if (personalLink) headers['Referrer-Policy'] = 'no-referrer'
  if (input.https) headers['Strict-Transport-Security'] = HSTS
  return headers
}
