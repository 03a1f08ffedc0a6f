// Name search in SQL (app/utils/search-fold.ts): bijeen_fold in the database folds every Latin letter exactly as
// foldForSearch does in the app (on SQLite it is that function; on PostgreSQL a migration's translation table).
import { describe, expect, test } from 'vitest'
import { foldForSearch } from '~/domain/search'
import { select, sqlDriver } from '~/utils/sql-driver.server'
import { portableSql } from '~/utils/sql.server'

const fold = async (text: string) =>
  (await sqlDriver().read(select<{ f: string }>(portableSql(`SELECT bijeen_fold(?) AS "f"`), text)))[0]!.f

describe('bijeen_fold', () => {
  test('every letter from U+00C0 to U+024F and U+1E00 to U+1EFF, and plain ASCII, as foldForSearch', async () => {
    const letters: string[] = []
    for (const [from, to] of [
      [0x20, 0x7e],
      [0xc0, 0x24f],
      [0x1e00, 0x1eff],
    ] as const) {
      for (let c = from; c <= to; c++) letters.push(String.fromCodePoint(c))
    }
    const folded = await fold(letters.join(''))
    expect(folded).toBe(foldForSearch(letters.join('')))
  })

  test('names as they are typed at the door', async () => {
    for (const name of ['Çelik', 'Zoë de Vries', 'MÜLLER', 'Straße', 'Øyvind Ærø', "d'Hondt-Łukasz"]) {
      expect(await fold(name)).toBe(foldForSearch(name))
    }
  })
})
