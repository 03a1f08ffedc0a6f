import { describe, expect, test } from 'vitest'
import { sideOf, tokens, wordDiff } from '~/domain/word-diff'

describe('word diff', () => {
  test('one changed word is one deletion and one insertion', () => {
    expect(wordDiff('mensenhandel is een afschuwelijk delict', 'mensenhandel is een ernstig delict')).toEqual([
      { kind: 'same', text: 'mensenhandel is een ' },
      { kind: 'del', text: 'afschuwelijk' },
      { kind: 'ins', text: 'ernstig' },
      { kind: 'same', text: ' delict' },
    ])
  })

  test('neighbouring changed words read as one change', () => {
    expect(wordDiff('de snelle bruine vos', 'een trage bruine vos')).toEqual([
      { kind: 'del', text: 'de snelle' },
      { kind: 'ins', text: 'een trage' },
      { kind: 'same', text: ' bruine vos' },
    ])
  })

  test('insertions and deletions alone', () => {
    expect(wordDiff('Wij investeren.', 'Wij investeren extra.')).toEqual([
      { kind: 'same', text: 'Wij ' },
      { kind: 'del', text: 'investeren.' },
      { kind: 'ins', text: 'investeren extra.' },
    ])
    expect(wordDiff('een twee drie', 'een drie')).toEqual([
      { kind: 'same', text: 'een ' },
      { kind: 'del', text: 'twee ' },
      { kind: 'same', text: 'drie' },
    ])
    expect(wordDiff('', 'nieuw')).toEqual([{ kind: 'ins', text: 'nieuw' }])
    expect(wordDiff('oud', '')).toEqual([{ kind: 'del', text: 'oud' }])
    expect(wordDiff('gelijk', 'gelijk')).toEqual([{ kind: 'same', text: 'gelijk' }])
  })

  test('both sides are given back exactly, line breaks included', () => {
    const pairs = [
      ['Eerste alinea.\n\nTweede  alinea met <b>tekst</b>.', 'Eerste alinea.\nTweede alinea met tekst, nu anders.'],
      ['a b c d e f', 'f e d c b a'],
      ['"onerror= x', "'onerror= y"],
    ]
    for (const [before, after] of pairs) {
      const parts = wordDiff(before!, after!)
      expect(sideOf(parts, 'before')).toBe(before)
      expect(sideOf(parts, 'after')).toBe(after)
    }
  })

  test('tokens keep blank space as its own token', () => {
    expect(tokens('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c'])
  })

  test('a very long text still gives both sides', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ')
    const other = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' ')
    const parts = wordDiff(long, other)
    expect(sideOf(parts, 'before')).toBe(long)
    expect(sideOf(parts, 'after')).toBe(other)
  })
})
