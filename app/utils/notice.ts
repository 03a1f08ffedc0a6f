// Reading a 'done' notice's counts on the page (the session keeps them as a query string, see flash.server).
type NoticeLike = { name: string; value: string | null } | null | undefined

/** The counts of a bulk step's notice ("nieuw", "verstuurd"…), or empty when the page has no such notice. */
export function noticeCounts(notice: NoticeLike) {
  return new URLSearchParams(notice?.name === 'done' ? (notice.value ?? '') : '')
}
