import { describe, expect, test } from 'vitest'
import { reordered } from '~/domain/ordering'

describe('moving an item in an ordered list', () => {
  test('swaps with its neighbour, stays put at the ends, and refuses an unknown id', () => {
    expect(reordered(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c'])
    expect(reordered(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b'])
    expect(reordered(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c'])
    expect(reordered(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c'])
    expect(reordered(['a', 'b'], 'x', 'up')).toBeNull()
  })
})
