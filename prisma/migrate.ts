// Applies prisma/<provider>/migrations/*/migration.sql in order, on SQLite or PostgreSQL.
// Why not `prisma migrate deploy`: with the JS schema engine it fails on PostgreSQL, and it needs no
// binary here only on SQLite. One small runner treats both alike (docs/decisions/002-prisma-engine-and-migrations.md).
// Safe when several processes start at once: SQLite takes a write lock (BEGIN IMMEDIATE), PostgreSQL an
// advisory lock.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const prismaDir = path.dirname(fileURLToPath(import.meta.url))

export type Provider = 'sqlite' | 'postgresql'

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error('DATABASE_URL must start with file: or postgresql://')
}

export function migrationsDir(provider: Provider) {
  return provider === 'sqlite' ? path.join(prismaDir, 'migrations') : path.join(prismaDir, 'postgresql', 'migrations')
}

export function sqliteFilePath(url: string) {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '')
  // Relative paths are relative to the project root, as in prisma.config.ts.
  return path.isAbsolute(file) ? file : path.resolve(prismaDir, '..', file)
}

type Migration = { name: string; sql: string; checksum: string }

export function readMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

const TABLE = '_bijeen_migrations'

export async function migrate(url: string, log: (line: string) => void = () => {}) {
  const provider = providerOf(url)
  const migrations = readMigrations(provider)
  return provider === 'sqlite' ? migrateSqlite(url, migrations, log) : migratePostgres(url, migrations, log)
}

async function migrateSqlite(url: string, migrations: Migration[], log: (line: string) => void) {
  const { default: Database } = await import('better-sqlite3')
  const file = sqliteFilePath(url)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { timeout: 10_000 })
  try {
    // WAL persists in the file; it lets readers work while one writer commits.
    db.pragma('journal_mode = WAL')
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    )
    const applied: string[] = []
    for (const m of migrations) {
      db.exec('BEGIN IMMEDIATE')
      try {
        const row = db.prepare(`SELECT checksum FROM ${TABLE} WHERE name = ?`).get(m.name) as
          { checksum: string } | undefined
        if (row) {
          if (row.checksum !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`)
          db.exec('COMMIT')
          continue
        }
        db.exec(m.sql)
        db.prepare(`INSERT INTO ${TABLE} (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        )
        db.exec('COMMIT')
        applied.push(m.name)
        log(`applied ${m.name}`)
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw error
      }
    }
    return applied
  } finally {
    db.close()
  }
}

async function migratePostgres(url: string, migrations: Migration[], log: (line: string) => void) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const lockKey = 727_001 // any constant: serialises concurrent migrators
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockKey])
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    )
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${TABLE}`)
    const done = new Map(rows.map((r) => [r.name, r.checksum]))
    const applied: string[] = []
    for (const m of migrations) {
      const checksum = done.get(m.name)
      if (checksum) {
        if (checksum !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`)
        continue
      }
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
      applied.push(m.name)
      log(`applied ${m.name}`)
    }
    return applied
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => {})
    await client.end()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL ?? 'file:./data/bijeen.db'
  migrate(url, (line) => console.log(line))
    .then((applied) => console.log(`${providerOf(url)}: ${applied.length} migration(s) applied, database up to date`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
