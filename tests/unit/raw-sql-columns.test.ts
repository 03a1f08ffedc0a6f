// The hand-written SQL (the SQL driver's statements, ADR 009) against the Prisma schema: a column renamed or
// retyped in prisma/schema.prisma fails here, before any statement meets a database.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkRawSql, parseSchema, readRawSql } from '../support/raw-sql.ts'

const root = path.resolve(import.meta.dirname, '../..')
const schema = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
const files = fs
  .readdirSync(path.join(root, 'app'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
  .filter((file) => !file.startsWith(path.join('app', 'generated')))

describe('raw SQL against the schema', () => {
  const raw = readRawSql(root, files)

  test('every table and column a statement or ColumnSpec names is in the schema, with its type', () => {
    expect(checkRawSql(schema, raw)).toEqual([])
  })

  test('the check sees the statements it judges', () => {
    // A scan that found nothing would pass the test above.
    const statements = [...raw.uses.values()].flat()
    expect(statements.length).toBeGreaterThan(30)
    expect(
      statements.some((s) => s.file === path.normalize('app/mail/worker.server.ts') && s.text.includes('"lockedBy"')),
    ).toBe(true)
    expect(raw.specs.map((s) => s.table)).toEqual(
      expect.arrayContaining(['OutboxMessage', 'MailMerge', 'Registration', 'PersonalLink']),
    )
  })

  test('a column renamed in the schema fails the check where a statement uses it', () => {
    const renamed = schema.replace(/^(\s+)lockedBy(\s+String\?)/m, '$1claimedBy$2')
    expect(renamed).not.toBe(schema)
    const problems = checkRawSql(renamed, raw)
    expect(
      problems.some((p) => p.startsWith(path.normalize('app/mail/worker.server.ts')) && p.includes('"lockedBy"')),
    ).toBe(true)
  })

  test('a column renamed or retyped under a ColumnSpec fails the check', () => {
    const renamed = schema.replace(/^(\s+)tokenHash(\s+String\s+@unique)/gm, '$1tokenDigest$2')
    expect(renamed).not.toBe(schema)
    expect(checkRawSql(renamed, raw)).toContainEqual(
      expect.stringMatching(/registration\.server\.ts:\d+: PersonalLink has no column tokenHash/),
    )
    const retyped = schema.replace(/^(\s+)waitlistSeq(\s+)Int\?/m, '$1waitlistSeq$2String?')
    expect(checkRawSql(retyped, raw)).toContainEqual(
      expect.stringMatching(/Registration\.waitlistSeq is String, written as "int"/),
    )
  })

  test('the schema reader knows columns, enums and relations apart', () => {
    const { tables, enums } = parseSchema(schema)
    const outbox = tables.get('OutboxMessage')!
    expect(outbox.get('lockedBy')).toEqual({ type: 'String', kind: 'scalar' })
    expect(outbox.get('status')).toEqual({ type: 'OutboxStatus', kind: 'enum' })
    expect(outbox.has('batch')).toBe(false)
    expect(enums.has('Language')).toBe(true)
  })
})
