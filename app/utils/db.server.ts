// One Prisma client per process, kept across dev reloads. The provider follows DATABASE_URL:
// SQLite (better-sqlite3, WAL) or PostgreSQL (pg pool). Both generated clients have the same API;
// the SQLite one provides the types.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from '~/generated/prisma/client'
import { PrismaClient as PostgresClient } from '~/generated/prisma-pg/client'
import { getEnv } from './env.server'

export type Db = SqliteClient
export type Provider = 'sqlite' | 'postgresql'

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'
}

export function createDb(url: string, poolSize = 10): Db {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({
      connectionString: url,
      max: poolSize,
      // A waiting request fails with an error instead of hanging when the pool is exhausted.
      connectionTimeoutMillis: 10_000,
    })
    return new PostgresClient({ adapter }) as unknown as Db
  }
  const file = url.replace(/^file:/, '')
  // The busy timeout lets a second process wait for the write lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 5000 })
  return new SqliteClient({ adapter })
}

const globalForDb = globalThis as unknown as { __bijeenDb?: Db; __bijeenDbUrl?: string }

export function getDb(): Db {
  const env = getEnv()
  if (!globalForDb.__bijeenDb || globalForDb.__bijeenDbUrl !== env.DATABASE_URL) {
    globalForDb.__bijeenDb = createDb(env.DATABASE_URL, env.DATABASE_POOL_SIZE)
    globalForDb.__bijeenDbUrl = env.DATABASE_URL
  }
  return globalForDb.__bijeenDb
}

export function dbProvider(): Provider {
  return providerOf(getEnv().DATABASE_URL)
}

/**
 * The shared client. A Proxy so that importing it does not open the database before the env is set. On SQLite
 * its interactive transactions are retried when the write lock cannot be had (see retryWhenLocked).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb() as unknown as Record<string | symbol, unknown>
    if (property === '$transaction' && dbProvider() === 'sqlite') return sqliteTransaction(client as unknown as Db)
    const value = client[property]
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(client) : value
  },
})

function sqliteTransaction(client: Db): Db['$transaction'] {
  return ((arg: unknown, options?: object) =>
    typeof arg === 'function'
      ? retryWhenLocked(() => client.$transaction(arg as Parameters<Db['$transaction']>[0], options))
      : client.$transaction(arg as never, options as never)) as Db['$transaction']
}

/**
 * Runs an interactive transaction again when SQLite answers "database is locked". Prisma starts a transaction
 * with a plain BEGIN, so after a read the transaction holds a snapshot; when another connection (another
 * process, or this process's SQL driver, app/utils/sql-driver.server.ts) commits first, SQLite refuses the
 * upgrade to a write at once instead of waiting. Nothing was written then, so running it again is safe.
 */
async function retryWhenLocked<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= 8 || !isSqliteBusy(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 20))
    }
  }
}

function isSqliteBusy(error: unknown) {
  return error instanceof Error && /SQLITE_BUSY|database is locked/.test(error.message)
}
