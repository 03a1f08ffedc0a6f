// Finding people by name as they are typed at the door or in a list: case and accents do not matter ("celik"
// finds "Çelik", "zoe" finds "Zoë", "muller" finds "Müller"). SQLite's LOWER and LIKE fold only ASCII, and
// PostgreSQL keeps accents, so names are compared in this folded form.

import { foldForSearch } from '~/utils/search-fold'

export { foldForSearch }

/** Whether any of the texts contains the query, ignoring case and accents. */
export function matchesSearch(query: string, texts: Array<string | null | undefined>): boolean {
  const needle = foldForSearch(query.trim())
  return texts.some((text) => text != null && foldForSearch(text).includes(needle))
}

const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true })

/** Sorts by name the way a Dutch list is sorted (accents and case do not decide the order). */
export const compareNames = (a: string, b: string) => byName.compare(a, b)
