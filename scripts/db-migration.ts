// Authors a migration for both databases: `npm run db:migration -- <name>`.
// `prisma migrate dev` does not work with the JS schema engine, so we use `prisma migrate diff`:
// - SQLite: from the existing migrations (applied to a scratch database) to the schema;
// - PostgreSQL: the engine cannot introspect a live database here ("Column type 'name'…"), so it diffs the
//   schema as it was at the last migration (schema.snapshot.prisma) against the current one.
// See docs/decisions/002-prisma-engine-and-migrations.md.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrationsDir } from '../prisma/migrate.ts'
import { startPgCluster } from '../tests/support/pg-cluster.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const pgSnapshot = 'prisma/postgresql/migrations/schema.snapshot.prisma'

export function prismaDiff(args: string[], databaseUrl: string) {
  const result = spawnSync('npx', ['prisma', 'migrate', 'diff', ...args, '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })
  if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr}`)
  return result.stdout.replace(/^Loaded Prisma config.*\n/m, '').trim()
}

export function isEmptyDiff(sql: string) {
  return sql.split('\n').every((line) => !line.trim() || line.startsWith('--'))
}

async function main() {
  const name = process.argv[2]
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:migration -- <snake_case_name>')
  spawnSync('npx', ['tsx', 'scripts/db-schema.ts'], { cwd: root, stdio: 'inherit' })
  const folder = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`

  const sqlite = prismaDiff(
    ['--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma'],
    'file:./data/scratch-migration.db',
  )
  const pg = await startPgCluster()
  let postgres: string
  try {
    const from = fs.existsSync(path.join(root, pgSnapshot)) ? ['--from-schema-datamodel', pgSnapshot] : ['--from-empty']
    postgres = prismaDiff([...from, '--to-schema-datamodel', 'prisma/postgresql/schema.prisma'], pg.url())
  } finally {
    pg.stop()
  }
  for (const [provider, sql] of [['sqlite', sqlite], ['postgresql', postgres]] as const) {
    if (isEmptyDiff(sql)) {
      console.log(`${provider}: schema and migrations agree, nothing to write`)
      continue
    }
    const dir = path.join(migrationsDir(provider), folder)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n')
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`)
  }
  fs.copyFileSync(path.join(root, 'prisma/postgresql/schema.prisma'), path.join(root, pgSnapshot))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
