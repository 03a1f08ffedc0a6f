// The migrations build exactly what the schema describes, on SQLite and on PostgreSQL, and the two
// databases end up with the same tables, columns, indexes and foreign keys.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate } from '../../prisma/migrate.ts'
import { portableShape, postgresStructure, sqliteStructure } from '../support/db-structure.ts'
import { createDatabase, startPgCluster, type PgCluster } from '../support/pg-cluster.ts'

function schemaScript(schema: string, databaseUrl: string) {
  const result = spawnSync(
    'npx',
    ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script'],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  )
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout.replace(/^Loaded Prisma config.*\n/m, '')
}

let dir: string
let cluster: PgCluster

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-schema-'))
  cluster = await startPgCluster()
})

afterAll(() => {
  cluster?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

// Each case builds whole databases (all migrations, or the schema pushed): correctness, with room for a busy machine.
describe('migrations and schema', { timeout: 120_000 }, () => {
  test('SQLite: the migrations build what prisma/schema.prisma describes', async () => {
    const fromMigrations = path.join(dir, 'migrations.db')
    await migrate(`file:${fromMigrations}`)
    const fromSchema = path.join(dir, 'schema.db')
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(fromSchema)
    db.exec(schemaScript('prisma/schema.prisma', `file:${fromSchema}`))
    db.close()
    const built = await sqliteStructure(fromMigrations)
    expect(Object.keys(built)).toContain('Registration')
    expect(built).toEqual(await sqliteStructure(fromSchema))
  })

  test('PostgreSQL: the migrations build what prisma/postgresql/schema.prisma describes', async () => {
    await createDatabase(cluster.url(), 'from_migrations')
    await createDatabase(cluster.url(), 'from_schema')
    await migrate(cluster.url('from_migrations'))
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: cluster.url('from_schema') })
    await client.connect()
    await client.query(schemaScript('prisma/postgresql/schema.prisma', cluster.url('from_schema')))
    await client.end()
    const built = await postgresStructure(cluster.url('from_migrations'))
    expect(Object.keys(built)).toContain('Registration')
    expect(built).toEqual(await postgresStructure(cluster.url('from_schema')))
  })

  test('SQLite and PostgreSQL have the same tables, columns, indexes and foreign keys', async () => {
    const file = path.join(dir, 'parity.db')
    await migrate(`file:${file}`)
    await createDatabase(cluster.url(), 'parity')
    await migrate(cluster.url('parity'))
    const sqlite = portableShape(await sqliteStructure(file))
    const postgres = portableShape(await postgresStructure(cluster.url('parity')))
    expect(Object.keys(sqlite).length).toBeGreaterThan(20)
    expect(postgres).toEqual(sqlite)
  })

  test('migrating twice changes nothing, and an edited migration is refused', async () => {
    const file = path.join(dir, 'twice.db')
    const first = await migrate(`file:${file}`)
    expect(first.length).toBeGreaterThan(0)
    expect(await migrate(`file:${file}`)).toEqual([])
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(file)
    db.prepare(`UPDATE _bijeen_migrations SET checksum = 'tampered' WHERE name = ?`).run(first[0])
    db.close()
    await expect(migrate(`file:${file}`)).rejects.toThrow(/was changed after it was applied/)
  })

  test('several processes migrating one PostgreSQL database at once apply each migration once', async () => {
    await createDatabase(cluster.url(), 'concurrent')
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate(cluster.url('concurrent'))))
    const applied = results.flat()
    expect(new Set(applied).size).toBe(applied.length)
    expect(applied.length).toBe(
      fs.readdirSync('prisma/postgresql/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).length,
    )
  })
})
