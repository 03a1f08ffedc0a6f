import { describe, expect, test } from 'vitest'
import { commonPasswordList } from '~/domain/common-passwords'
import { passwordProblem } from '~/domain/password-rules'

describe('password rules (issue 15)', () => {
  test('the shipped list holds the 10,000 most common passwords', () => {
    const list = commonPasswordList.split('\n')
    expect(list).toHaveLength(10_000)
    expect(list).toContain('password')
    expect(list).toContain('qwerty123456')
  })

  test('at least 12 characters, counted as people see them; no composition rules', () => {
    expect(passwordProblem('Kort-1!')).toBe('too-short')
    expect(passwordProblem('elf tekens!')).toBe('too-short')
    expect(passwordProblem('twaalf teken')).toBeNull()
    // Twelve characters with accents and an emoji (more than twelve UTF-16 units would not make it longer).
    expect(passwordProblem('ééééééééééé🙂')).toBeNull()
    expect(passwordProblem('😀'.repeat(11))).toBe('too-short')
    expect(passwordProblem('alleen kleine letters en spaties')).toBeNull()
    expect(passwordProblem('x'.repeat(257))).toBe('too-long')
  })

  test('a common password is refused whatever its case', () => {
    for (const p of ['qwerty123456', 'QWERTY123456', 'Qwerty123456', '1q2w3e4r5t6y', 'leavemealone']) {
      expect(passwordProblem(p), p).toBe('common')
    }
    expect(passwordProblem('qwerty1234567')).toBeNull()
  })
})
