// The folded form that name search compares (case and accents do not matter; app/domain/search.ts), and the
// same in SQL: `bijeen_fold(text)` is registered on the SQL driver's SQLite connections and created as a
// function by a migration on PostgreSQL, so a search filters and pages in the database instead of reading
// every row into the app.

// Letters that Unicode does not decompose into a base letter and an accent.
const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th' }

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđıþ]/g, (letter) => SPECIAL[letter]!)
}

/** A LIKE pattern (ESCAPE '\') that finds the folded query anywhere in a folded column. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
