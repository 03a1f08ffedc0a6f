// The two schema variants must not drift apart: the PostgreSQL schema is the SQLite one with another
// provider, and each provider's migrations were written for the current schema.
// tests/integration/schema.test.ts then proves on real databases that the migrations build that schema.
import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { snapshots } from '../../scripts/db-migration.ts'
import { toPostgresSchema } from '../../scripts/db-schema.ts'

const read = (file: string) => fs.readFileSync(file, 'utf8')

describe('schema drift', () => {
  test('prisma/postgresql/schema.prisma is prisma/schema.prisma with the PostgreSQL provider', () => {
    expect(read('prisma/postgresql/schema.prisma')).toBe(toPostgresSchema(read('prisma/schema.prisma')))
  })

  test('the transformation changes only the provider and the client output', () => {
    const source = read('prisma/schema.prisma').split('\n')
    const target = toPostgresSchema(read('prisma/schema.prisma')).split('\n').slice(1)
    const changed = source.filter((line, i) => line !== target[i])
    expect(changed.map((l) => l.trim())).toEqual(['output       = "../app/generated/prisma"', 'provider = "sqlite"'])
  })

  test.each(Object.entries(snapshots))('the %s migrations were written for the current schema', (_provider, files) => {
    // A schema change without `npm run db:migration -- <name>` leaves the snapshot behind.
    expect(read(files.snapshot)).toBe(read(files.schema))
  })
})
