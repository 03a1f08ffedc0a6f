// The registration path talks to the database driver itself (better-sqlite3 or pg), not through Prisma: a
// Prisma raw query costs ~0.4 ms of CPU to compile and map, several times the statement (ADR 009).
//
// A transaction is written once as a generator that yields its statements (`yield* execute(…)`):
// - on SQLite it runs synchronously between BEGIN IMMEDIATE and COMMIT, so the write lock is held only while
//   the statements run and no other JavaScript of this process runs in between (an async transaction here
//   could stall a Prisma write of the same process, which waits for the lock inside a synchronous call);
// - on PostgreSQL each statement is awaited on one pooled connection, as named prepared statements.
import os from 'node:os'
import Database from 'better-sqlite3'
import pg from 'pg'
import { getEnv } from './env.server'
import { providerOf, type Provider } from './db.server'
import { foldForSearch } from './search-fold'

/** One statement, with its SQL already in the provider's dialect (see portableSql). */
export type SqlOp = { sql: string; params: unknown[]; returns: 'rows' | 'count' }
/** Statements to run, as a generator; `T` is what it gives back. */
export type Sql<T> = Generator<SqlOp, T, unknown>

/** A statement that changes rows; gives the number of rows it changed. */
export function* execute(sql: string, ...params: unknown[]): Sql<number> {
  return (yield { sql, params, returns: 'count' }) as number
}

/** A statement that gives rows (a SELECT, or a write with RETURNING). */
export function* select<T>(sql: string, ...params: unknown[]): Sql<T[]> {
  return (yield { sql, params, returns: 'rows' }) as T[]
}

export interface SqlDriver {
  provider: Provider
  /** Runs statements outside a transaction: reads. */
  read<T>(steps: Sql<T>): Promise<T>
  /** Runs statements in one write transaction; an exception rolls it back and is thrown on. */
  write<T>(body: () => Sql<T>): Promise<T>
  close(): Promise<void>
}

// A failed statement ends the transaction: it is not thrown into the body, which therefore cannot catch it and
// carry on (PostgreSQL aborts the transaction at the first error, SQLite would go on; both must behave alike).
function drive<T>(steps: Sql<T>, perform: (op: SqlOp) => unknown): T {
  let next = steps.next()
  while (!next.done) {
    let result: unknown
    try {
      result = perform(next.value)
    } catch (error) {
      steps.return(undefined as T)
      throw error
    }
    next = steps.next(result)
  }
  return next.value
}

async function driveAsync<T>(steps: Sql<T>, perform: (op: SqlOp) => Promise<unknown>): Promise<T> {
  let next = steps.next()
  while (!next.done) {
    let result: unknown
    try {
      result = await perform(next.value)
    } catch (error) {
      steps.return(undefined as T)
      throw error
    }
    next = steps.next(result)
  }
  return next.value
}

// ─── SQLite ────────────────────────────────────────────────────────────────────────────────────────────────

/** Values as Prisma writes them on SQLite (better-sqlite3 binds neither booleans nor dates). */
function sqliteParam(value: unknown) {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00')
  return value
}

type Decoder = (value: unknown) => unknown

// Date text as Prisma reads it: without a zone it is UTC ("2026-12-04 10:00:00" is 10:00Z, not local time).
const timeOfDay = /\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/
function isoDateTime(text: string) {
  const match = timeOfDay.exec(text)
  if (!match) return `${text}T00:00:00Z`
  const [time, zone, zoneMinutes] = match
  let iso = text
  if (zone !== undefined && zone !== 'Z' && zoneMinutes === undefined) iso = `${text}:00`
  else if (zone === undefined) iso = `${text}Z`
  if (time.length === text.length) return `1970-01-01T${iso}`
  const separator = match.index - 1
  return iso[separator] === ' ' ? `${iso.slice(0, separator)}T${iso.slice(separator + 1)}` : iso
}

// Columns are read back as Prisma reads them, by their declared type.
const sqliteDecoders: Record<string, Decoder> = {
  DATETIME: (v) => (v === null ? null : new Date(typeof v === 'string' ? isoDateTime(v) : (v as number))),
  BOOLEAN: (v) => (v === null ? null : v !== 0),
  JSONB: (v) => (v === null ? null : JSON.parse(v as string)),
}

type Prepared = { statement: Database.Statement; decoders: Array<[string, Decoder]> }
const STATEMENT_CACHE_SIZE = 300
// As long as a Prisma transaction waits for a connection (its maxWait): a contact import holds the lock a while.
const BUSY_GIVE_UP_MS = 30_000

function sqliteDriver(file: string): SqlDriver {
  let connection = open()
  const cache = new Map<string, Prepared>()

  function open() {
    const opened = new Database(file)
    // No busy wait inside SQLite: that would block this process's event loop, and with it a Prisma transaction
    // of this same process that holds the lock. BEGIN IMMEDIATE is retried with a timer instead.
    opened.pragma('busy_timeout = 0')
    // Name search in SQL, as PostgreSQL has it from a migration (app/utils/search-fold.ts).
    opened.function('bijeen_fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? foldForSearch(text) : null,
    )
    return opened
  }

  function rollback() {
    try {
      connection.exec('ROLLBACK')
    } catch {
      // A connection stuck inside a transaction would refuse every later BEGIN: start afresh.
      if (connection.inTransaction) {
        connection.close()
        cache.clear()
        connection = open()
      }
    }
  }

  function prepared(sql: string): Prepared {
    let entry = cache.get(sql)
    if (!entry) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
      const statement = connection.prepare(sql)
      const decoders = statement.reader
        ? statement.columns().flatMap((c): Array<[string, Decoder]> => {
            const decoder = c.type ? sqliteDecoders[c.type.toUpperCase()] : undefined
            return decoder ? [[c.name, decoder]] : []
          })
        : []
      entry = { statement, decoders }
      cache.set(sql, entry)
    }
    return entry
  }

  function perform(op: SqlOp): unknown {
    const { statement, decoders } = prepared(op.sql)
    const params = op.params.map(sqliteParam)
    if (op.returns === 'count') return statement.run(...params).changes
    const rows = statement.all(...params) as Array<Record<string, unknown>>
    if (decoders.length) for (const row of rows) for (const [name, decode] of decoders) row[name] = decode(row[name])
    return rows
  }

  /** BEGIN IMMEDIATE, the statements and COMMIT in one synchronous step; false when the lock is taken. */
  function tryWrite<T>(body: () => Sql<T>): { value: T } | false {
    try {
      connection.exec('BEGIN IMMEDIATE')
    } catch (error) {
      if (isBusy(error)) return false
      throw error
    }
    try {
      const value = drive(body(), perform)
      connection.exec('COMMIT')
      return { value }
    } catch (error) {
      if (connection.inTransaction) rollback()
      throw error
    }
  }

  return {
    provider: 'sqlite',
    read: async (steps) => drive(steps, perform),
    async write(body) {
      const started = Date.now()
      for (let attempt = 0; ; attempt++) {
        const written = tryWrite(body)
        if (written) return written.value
        if (Date.now() - started > BUSY_GIVE_UP_MS) throw new Error('SQLITE_BUSY: the write lock stayed taken')
        // Another process (or a Prisma transaction of this one) holds the write lock for a moment.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, 1 + attempt)))
      }
    },
    async close() {
      connection.close()
    },
  }
}

function isBusy(error: unknown) {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')
}

// ─── PostgreSQL ────────────────────────────────────────────────────────────────────────────────────────────

// Prisma keeps DateTime as timestamp(3) holding UTC wall time; pg would read it in the server's time zone.
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.TIMESTAMP) return parseUtcTimestamp
    if (oid === pg.types.builtins.INT8) return Number
    return pg.types.getTypeParser(oid, format)
  }) as typeof pg.types.getTypeParser,
}

// Prisma writes DateTime as timestamp(3) in UTC wall time; pg would send a Date in the server's time zone.
const pgParam = (value: unknown) =>
  value === undefined ? null : value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value
// A deadlock or serialization failure aborts a transaction that may simply run again: a body only yields
// statements, so running it again repeats nothing else.
const PG_RETRYABLE = new Set(['40P01', '40001'])
const isRetryable = (error: unknown) =>
  error instanceof Error && 'code' in error && PG_RETRYABLE.has(String(error.code))

function postgresDriver(url: string, poolSize: number): SqlDriver {
  // Registrations of one event all update its row; more transactions at once than this machine can run only
  // add waiters on that lock. Measured on 2 cores with two web processes: 10 connections each doubled
  // PostgreSQL's CPU per registration (2.0 against 1.05 ms) and cut throughput from ~380/s to ~300/s.
  const max = Math.min(poolSize, 2 * os.availableParallelism())
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 })
  // A dropped idle connection is replaced by the pool; without a listener it would crash the process.
  pool.on('error', () => {})
  const names = new Map<string, string>()
  // Named statements are parsed and planned once per connection.
  const nameOf = (sql: string) => {
    let name = names.get(sql)
    if (!name) names.set(sql, (name = `bijeen_${names.size}`))
    return name
  }
  const perform = (client: pg.Pool | pg.PoolClient) => async (op: SqlOp) => {
    const result = await client.query({
      name: names.size < STATEMENT_CACHE_SIZE || names.has(op.sql) ? nameOf(op.sql) : undefined,
      text: op.sql,
      values: op.params.map(pgParam),
      types: pgTypes,
    })
    return op.returns === 'count' ? (result.rowCount ?? 0) : result.rows
  }
  async function transaction<T>(body: () => Sql<T>): Promise<T> {
    const client = await pool.connect()
    let broken = false
    try {
      await client.query('BEGIN')
      const result = await driveAsync(body(), perform(client))
      const committed = await client.query('COMMIT')
      // COMMIT of an aborted transaction rolls back without an error.
      if (committed.command === 'ROLLBACK') throw new Error('the transaction was rolled back')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true))
      throw error
    } finally {
      client.release(broken)
    }
  }
  return {
    provider: 'postgresql',
    read: (steps) => driveAsync(steps, perform(pool)),
    async write(body) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await transaction(body)
        } catch (error) {
          if (attempt >= 5 || !isRetryable(error)) throw error
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))
        }
      }
    },
    close: () => pool.end(),
  }
}

// ─── One driver per process ────────────────────────────────────────────────────────────────────────────────

const globalForDriver = globalThis as unknown as { __bijeenSql?: SqlDriver; __bijeenSqlUrl?: string }

export function sqlDriver(): SqlDriver {
  const env = getEnv()
  if (!globalForDriver.__bijeenSql || globalForDriver.__bijeenSqlUrl !== env.DATABASE_URL) {
    void globalForDriver.__bijeenSql?.close()
    globalForDriver.__bijeenSql =
      providerOf(env.DATABASE_URL) === 'postgresql'
        ? postgresDriver(env.DATABASE_URL, env.DATABASE_POOL_SIZE)
        : sqliteDriver(env.DATABASE_URL.replace(/^file:/, ''))
    globalForDriver.__bijeenSqlUrl = env.DATABASE_URL
  }
  return globalForDriver.__bijeenSql
}

export async function closeSqlDriver() {
  await globalForDriver.__bijeenSql?.close()
  globalForDriver.__bijeenSql = undefined
  globalForDriver.__bijeenSqlUrl = undefined
}
