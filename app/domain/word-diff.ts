// A word-level difference between two texts, for the speaker who compares their own text with the proposal.
// Pure. Words and the blank space between them are separate tokens, so a changed word is one deletion and one
// insertion, and spacing and line breaks survive exactly. Shown with <del> and <ins> and a hidden word for
// screen readers, never by colour alone.

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string }

/** Words (anything but blank space) and runs of blank space. */
export function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? []
}

// Beyond this many tokens on both sides the table would take too long (a quote is far shorter); the texts
// are then shown as one deletion and one insertion.
const MAX_CELLS = 4_000_000

/** The difference from `before` to `after`: same, deleted and inserted parts in reading order. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before)
  const b = tokens(after)
  // Common start and end first: most proposals change a few words in the middle.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return
    const last = parts[parts.length - 1]
    if (last && last.kind === kind) last.text += text
    else parts.push({ kind, text })
  }
  push('same', a.slice(0, start).join(''))
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  if (midA.length * midB.length > MAX_CELLS) {
    push('del', midA.join(''))
    push('ins', midB.join(''))
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.kind, part.text)
  }
  push('same', a.slice(endA).join(''))
  return tidy(parts)
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length
  const m = b.length
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const out: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! })
      i++
      j++
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      out.push({ kind: 'del', text: a[i++]! })
    } else {
      out.push({ kind: 'ins', text: b[j++]! })
    }
  }
  while (i < n) out.push({ kind: 'del', text: a[i++]! })
  while (j < m) out.push({ kind: 'ins', text: b[j++]! })
  return out
}

/**
 * Merges neighbours into changes of one deletion then one insertion, and a lone space between two changes into
 * both sides, so that "de snelle bruine" → "een trage bruine" reads as one deletion and one insertion, not four.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  let del = ''
  let ins = ''
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del })
    if (ins) out.push({ kind: 'ins', text: ins })
    del = ''
    ins = ''
  }
  parts.forEach((part, k) => {
    if (part.kind === 'del') del += part.text
    else if (part.kind === 'ins') ins += part.text
    else if ((del || ins) && /^[ \t]+$/.test(part.text) && parts[k + 1] && parts[k + 1]!.kind !== 'same') {
      del += part.text
      ins += part.text
    } else {
      flush()
      const last = out[out.length - 1]
      if (last?.kind === 'same') last.text += part.text
      else out.push({ kind: 'same', text: part.text })
    }
  })
  flush()
  return out
}

/** The text on one side of a difference: `before` for deletions and same parts, `after` for insertions. */
export function sideOf(parts: DiffPart[], side: 'before' | 'after') {
  return parts
    .filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'del' : 'ins'))
    .map((p) => p.text)
    .join('')
}
