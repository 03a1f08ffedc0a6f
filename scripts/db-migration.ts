// Authors a migration for both databases: `npm run db:migration -- <name>`.
// `prisma migrate dev` and `migrate diff --from-migrations` do not work with the JS schema engine here
// (P3006 on the shadow database), and it cannot introspect a live PostgreSQL database either. So each
// provider keeps the schema as it was at its last migration (migrations/schema.snapshot.prisma), and the
// new migration is the diff from that snapshot to the current schema. tests/integration/schema.test.ts
// proves that the migrations build what the schema describes. See docs/decisions/002.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrationsDir } from '../prisma/migrate.ts'
import { startPgCluster } from '../tests/support/pg-cluster.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const snapshots = {
  sqlite: { schema: 'prisma/schema.prisma', snapshot: 'prisma/migrations/schema.snapshot.prisma' },
  postgresql: {
    schema: 'prisma/postgresql/schema.prisma',
    snapshot: 'prisma/postgresql/migrations/schema.snapshot.prisma',
  },
} as const

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

  const from = (provider: keyof typeof snapshots) => {
    const { schema, snapshot } = snapshots[provider]
    const start = fs.existsSync(path.join(root, snapshot)) ? ['--from-schema-datamodel', snapshot] : ['--from-empty']
    return [...start, '--to-schema-datamodel', schema]
  }
  fs.mkdirSync(path.join(root, 'data'), { recursive: true })
  const sqlite = prismaDiff(from('sqlite'), 'file:./data/scratch-migration.db')
  const pg = await startPgCluster()
  let postgres: string
  try {
    postgres = prismaDiff(from('postgresql'), pg.url())
  } finally {
    pg.stop()
  }
  for (const [provider, sql] of [
    ['sqlite', sqlite],
    ['postgresql', postgres],
  ] as const) {
    if (isEmptyDiff(sql)) {
      console.log(`${provider}: schema and migrations agree, nothing to write`)
      continue
    }
    const dir = path.join(migrationsDir(provider), folder)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n')
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`)
  }
  for (const { schema, snapshot } of Object.values(snapshots)) {
    fs.copyFileSync(path.join(root, schema), path.join(root, snapshot))
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
