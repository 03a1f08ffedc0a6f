// The structure of a live database (tables, columns, indexes, foreign keys), in a form that can be
// compared: between the migrations and the schema, and between SQLite and PostgreSQL.
export type Column = { name: string; nullable: boolean; type: string; default: string | null }
export type Structure = Record<string, { columns: Column[]; indexes: string[]; foreignKeys: string[] }>

const ignored = (table: string) => table.startsWith('sqlite_') || table === '_bijeen_migrations'

export async function sqliteStructure(file: string): Promise<Structure> {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(file, { readonly: true })
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string
    }[]
    const out: Structure = {}
    for (const { name } of tables.filter((t) => !ignored(t.name))) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{
        name: string
        type: string
        notnull: number
        dflt_value: string | null
        pk: number
      }>
      const indexes = db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{
        name: string
        unique: number
        origin: string
      }>
      const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{
        table: string
        from: string
        to: string
        on_delete: string
      }>
      out[name] = {
        columns: columns
          .map((c) => ({ name: c.name, nullable: c.notnull === 0 && c.pk === 0, type: c.type, default: c.dflt_value }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        // Primary-key indexes are implicit in SQLite ("pk" origin) and named differently; compare the rest.
        indexes: indexes
          .filter((i) => i.origin !== 'pk')
          .map((i) => `${i.name}${i.unique ? ' unique' : ''}`)
          .sort(),
        foreignKeys: fks.map((f) => `${f.from}->${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`).sort(),
      }
    }
    return out
  } finally {
    db.close()
  }
}

export async function postgresStructure(url: string): Promise<Structure> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const columns = await client.query<{
      table_name: string
      column_name: string
      is_nullable: string
      udt_name: string
      column_default: string | null
    }>(
      `SELECT table_name, column_name, is_nullable, udt_name, column_default FROM information_schema.columns WHERE table_schema = 'public'`,
    )
    const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    )
    const fks = await client.query<{
      table_name: string
      column_name: string
      foreign_table: string
      foreign_column: string
      delete_rule: string
    }>(
      `SELECT kcu.table_name, kcu.column_name, ccu.table_name AS foreign_table, ccu.column_name AS foreign_column, rc.delete_rule
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
        WHERE rc.constraint_schema = 'public'`,
    )
    const out: Structure = {}
    const entry = (table: string) => (out[table] ??= { columns: [], indexes: [], foreignKeys: [] })
    for (const c of columns.rows.filter((r) => !ignored(r.table_name))) {
      entry(c.table_name).columns.push({
        name: c.column_name,
        nullable: c.is_nullable === 'YES',
        type: c.udt_name,
        default: c.column_default,
      })
    }
    for (const i of indexes.rows.filter((r) => !ignored(r.tablename) && !r.indexname.endsWith('_pkey'))) {
      entry(i.tablename).indexes.push(`${i.indexname}${i.indexdef.startsWith('CREATE UNIQUE') ? ' unique' : ''}`)
    }
    for (const f of fks.rows) {
      entry(f.table_name).foreignKeys.push(
        `${f.column_name}->${f.foreign_table}.${f.foreign_column} on delete ${f.delete_rule.toLowerCase()}`,
      )
    }
    for (const t of Object.values(out)) {
      t.columns.sort((a, b) => a.name.localeCompare(b.name))
      t.indexes.sort()
      t.foreignKeys.sort()
    }
    return out
  } finally {
    await client.end()
  }
}

/** What both providers must agree on: tables, column names and nullability, indexes, foreign keys. */
export function portableShape(structure: Structure) {
  return Object.fromEntries(
    Object.entries(structure)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([table, t]) => [
        table,
        {
          columns: t.columns.map((c) => `${c.name}${c.nullable ? '?' : ''}`),
          indexes: t.indexes,
          foreignKeys: t.foreignKeys,
        },
      ]),
  )
}
