// Small raw-SQL helpers for the few statements Prisma cannot express portably: inserts that skip
// duplicates (ON CONFLICT DO NOTHING) and conditional claims. They write values in the format Prisma
// itself uses on each provider, so rows written here read back normally through the Prisma client.
import type { Db } from './db.server'
import { dbProvider } from './db.server'

type Tx = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>

export type ColumnKind = 'text' | 'int' | 'bool' | 'time' | 'json' | { enum: string }
export type ColumnSpec = Record<string, ColumnKind>

/** A UTC instant as Prisma stores it: ISO text on SQLite, timestamp(3) (UTC wall time) on PostgreSQL. */
export function dbTime(date: Date): string {
  const iso = date.toISOString()
  return dbProvider() === 'sqlite' ? iso.replace('Z', '+00:00') : iso.replace('T', ' ').replace('Z', '')
}

function placeholder(index: number, kind: ColumnKind, pg: boolean) {
  if (!pg) return '?'
  const p = `$${index}`
  if (kind === 'time') return `CAST(${p} AS timestamp(3))`
  if (kind === 'json') return `CAST(${p} AS jsonb)`
  if (kind === 'int') return `CAST(${p} AS integer)`
  if (kind === 'bool') return `CAST(${p} AS boolean)`
  if (typeof kind === 'object') return `CAST(${p} AS "${kind.enum}")`
  return p
}

function encode(value: unknown, kind: ColumnKind, pg: boolean): unknown {
  if (value === null || value === undefined) return null
  if (kind === 'time') return dbTime(value as Date)
  if (kind === 'json') return JSON.stringify(value)
  if (kind === 'bool') return pg ? Boolean(value) : value ? 1 : 0
  return value
}

export const q = (identifier: string) => `"${identifier.replace(/"/g, '')}"`

/**
 * INSERT … ON CONFLICT (conflictColumn) DO NOTHING for many rows, in chunks. Returns the ids of the rows that
 * were inserted (not those that already existed). Both SQLite (≥ 3.35) and PostgreSQL support this syntax.
 */
export async function insertIgnoringDuplicates(
  tx: Tx,
  table: string,
  columns: ColumnSpec,
  rows: Array<Record<string, unknown>>,
  conflictColumn: string,
  chunkSize = 400,
): Promise<string[]> {
  const pg = dbProvider() === 'postgresql'
  const names = Object.keys(columns)
  const inserted: string[] = []
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      const cells = names.map((name) => {
        params.push(encode(row[name], columns[name]!, pg))
        return placeholder(params.length, columns[name]!, pg)
      })
      return `(${cells.join(', ')})`
    })
    const sql = `INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${q(conflictColumn)}) DO NOTHING RETURNING "id"`
    const result = await tx.$queryRawUnsafe<Array<{ id: string }>>(sql, ...params)
    inserted.push(...result.map((r) => r.id))
  }
  return inserted
}
