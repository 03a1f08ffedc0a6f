/**
 * The ids of an ordered list after moving one a place up or down; null when it is not in the list.
 * At either end nothing moves. Callers store the result's positions as 0..n, so gaps and ties disappear.
 */
export function reordered(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] | null {
  const index = ids.indexOf(id)
  if (index === -1) return null
  const result = [...ids]
  const target = direction === 'up' ? index - 1 : index + 1
  if (target >= 0 && target < result.length) [result[index], result[target]] = [result[target]!, result[index]!]
  return result
}
