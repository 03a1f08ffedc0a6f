// Small raw-SQL helpers for the few statements Prisma cannot express portably: inserts that skip
// duplicates (ON CONFLICT DO NOTHING) and conditional claims. They write values in the format Prisma
// itself uses on each provider, so rows written here read back normally through the Prisma client.
import type { Db } from './db.server'
import { dbProvider } from './db.server'
import { select, type Sql } from './sql-driver.server'

type Tx = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>

export type ColumnKind = 'text' | 'int' | 'bool' | 'time' | 'json' | { enum: string }
export type ColumnSpec = Record<string, ColumnKind>

/** A UTC instant as Prisma stores it: ISO text on SQLite, timestamp(3) (UTC wall time) on PostgreSQL. */
export function dbTime(date: Date): string {
  const iso = date.toISOString()
  return dbProvider() === 'sqlite' ? iso.replace('Z', '+00:00') : iso.replace('T', ' ').replace('Z', '')
}

/**
 * Raw SQL written once with `?` placeholders. SQLite takes it as it is; on PostgreSQL each `?` becomes `$n`,
 * cast where `casts[n - 1]` names a type (parameters arrive as text, and enums and timestamps need the cast).
 */
export function portableSql(text: string, casts: Array<string | null> = []) {
  if (dbProvider() !== 'postgresql') return text
  const key = casts.length ? `${text}\u0000${casts.join(',')}` : text
  let converted = pgSql.get(key)
  if (converted === undefined) {
    let i = 0
    converted = text.replace(/\?/g, () => {
      const cast = casts[i++]
      return cast ? `CAST($${i} AS ${cast})` : `$${i}`
    })
    if (pgSql.size > 1000) pgSql.clear()
    pgSql.set(key, converted)
  }
  return converted
}
// The statements of the hot paths are few and fixed; converting them once per process saves a regex each.
const pgSql = new Map<string, string>()

/** The PostgreSQL type a value of this kind is cast to. */
function castFor(kind: ColumnKind): string | null {
  if (kind === 'time') return 'timestamp(3)'
  if (kind === 'json') return 'jsonb'
  if (kind === 'int') return 'integer'
  if (kind === 'bool') return 'boolean'
  if (typeof kind === 'object') return `"${kind.enum}"`
  return null
}

function encode(value: unknown, kind: ColumnKind, pg: boolean): unknown {
  if (value === null || value === undefined) return null
  if (kind === 'time') return dbTime(value as Date)
  if (kind === 'json') return JSON.stringify(value)
  if (kind === 'bool') return pg ? Boolean(value) : value ? 1 : 0
  return value
}

export const q = (identifier: string) => `"${identifier.replace(/"/g, '')}"`

type Statement = { sql: string; params: unknown[] }

/**
 * INSERT … ON CONFLICT (conflictColumn) DO NOTHING RETURNING "id" for many rows, in chunks. Both SQLite
 * (≥ 3.35) and PostgreSQL support this syntax.
 */
function insertStatements(
  table: string,
  columns: ColumnSpec,
  rows: Array<Record<string, unknown>>,
  conflictColumn: string,
  chunkSize: number,
): Statement[] {
  const pg = dbProvider() === 'postgresql'
  const names = Object.keys(columns)
  const tuple = `(${names.map(() => '?').join(', ')})`
  const statements: Statement[] = []
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    statements.push({
      sql: portableSql(
        `INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ON CONFLICT (${q(conflictColumn)}) DO NOTHING RETURNING "id"`,
        chunk.flatMap(() => names.map((name) => castFor(columns[name]!))),
      ),
      params: chunk.flatMap((row) => names.map((name) => encode(row[name], columns[name]!, pg))),
    })
  }
  return statements
}

/** Inserts rows, skipping those that would repeat `conflictColumn`. Returns the ids of the rows inserted. */
export async function insertIgnoringDuplicates(
  tx: Tx,
  table: string,
  columns: ColumnSpec,
  rows: Array<Record<string, unknown>>,
  conflictColumn: string,
  chunkSize = 400,
): Promise<string[]> {
  const inserted: string[] = []
  for (const { sql, params } of insertStatements(table, columns, rows, conflictColumn, chunkSize)) {
    const result = await tx.$queryRawUnsafe<Array<{ id: string }>>(sql, ...params)
    inserted.push(...result.map((r) => r.id))
  }
  return inserted
}

/** `insertIgnoringDuplicates` as statements for the SQL driver (app/utils/sql-driver.server.ts). */
export function* insertRows(
  table: string,
  columns: ColumnSpec,
  rows: Array<Record<string, unknown>>,
  conflictColumn: string,
): Sql<string[]> {
  const inserted: string[] = []
  for (const { sql, params } of insertStatements(table, columns, rows, conflictColumn, 400)) {
    const result = yield* select<{ id: string }>(sql, ...params)
    inserted.push(...result.map((r) => r.id))
  }
  return inserted
}
