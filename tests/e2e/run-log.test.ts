// The last browser test (tests/setup/e2e-sequencer.ts puts it last): it reads what the whole run left behind
// (tests/support/run-log.ts) — every app server's log, a copy of every server's database, and the personal-link
// tokens the run used, from the mails that arrived and the pages the browsers opened — and checks that
//  - no log holds any of those tokens, any e-mail address or name of a person in any of the databases, or the
//    administrator's password; request lines carry the path with the token masked (/uitnodiging/:token);
//  - no text column of any table of any of the databases holds any of those tokens (ADR 004: hashes only);
//  - no audit entry holds an address or a name.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { ADMIN } from '../support/app-server.ts'
import { runDir } from '../support/run-log.ts'

const dir = runDir()

function read() {
  if (!dir) throw new Error('no browser run to read: run the whole e2e project (npm run test:e2e)')
  const files = fs.readdirSync(dir)
  const logs = files.filter((f) => f.endsWith('.log')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
  const databases = files.filter((f) => f.endsWith('.db')).map((f) => path.join(dir, f))
  const tokensFile = path.join(dir, 'tokens.txt')
  const tokens = fs.existsSync(tokensFile)
    ? [...new Set(fs.readFileSync(tokensFile, 'utf8').split('\n'))].filter((t) => /^[A-Za-z0-9_-]{43}$/.test(t))
    : []
  return { logs, databases, tokens }
}

type Row = Record<string, unknown>

/** The addresses and names of the people in one database (contacts, registrants, speakers, staff, mail). */
function peopleIn(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const all = (sql: string) => db.prepare(sql).all() as Row[]
    const emails = [
      ...all(`SELECT "email" AS v FROM "Contact"`),
      ...all(`SELECT "email" AS v FROM "Registration"`),
      ...all(`SELECT "email" AS v FROM "Speaker" WHERE "email" IS NOT NULL`),
      ...all(`SELECT "email" AS v FROM "User"`),
      ...all(`SELECT "to" AS v FROM "OutboxMessage"`),
    ].map((r) => String(r.v))
    // Full names only (a first name alone could be a word of a log line).
    const names = [
      ...all(`SELECT "name" AS v FROM "Contact"`),
      ...all(`SELECT "name" AS v FROM "Registration"`),
      ...all(`SELECT "name" AS v FROM "Speaker"`),
    ]
      .map((r) => String(r.v).trim())
      .filter((n) => n.includes(' ') && n.length >= 6)
    return { emails, names }
  } finally {
    db.close()
  }
}

/** "Table.column" for every text or JSON column of the database that holds one of the tokens. */
function columnsHolding(file: string, tokens: string[]): string[] {
  const db = new Database(file, { readonly: true })
  try {
    const found: string[] = []
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as Row[]
    for (const { name } of tables) {
      const columns = db.prepare(`PRAGMA table_info("${String(name)}")`).all() as Array<{ name: string; type: string }>
      for (const c of columns.filter((c) => /TEXT|CHAR|JSON|CLOB/i.test(c.type))) {
        // In chunks: one statement per 200 tokens.
        for (let i = 0; i < tokens.length; i += 200) {
          const chunk = tokens.slice(i, i + 200)
          const where = chunk.map(() => `instr("${c.name}", ?) > 0`).join(' OR ')
          const row = db.prepare(`SELECT COUNT(*) AS n FROM "${String(name)}" WHERE ${where}`).get(...chunk) as Row
          if (Number(row.n) > 0) {
            found.push(`${String(name)}.${c.name}`)
            break
          }
        }
      }
    }
    return found
  } finally {
    db.close()
  }
}

describe('after the whole browser run', () => {
  test('the servers logged JSON lines, with personal-link paths masked', () => {
    const { logs } = read()
    expect(logs.length, 'app servers in this run').toBeGreaterThan(10)
    const lines = logs.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{'))
    const requests = lines
      .map((l) => JSON.parse(l) as { msg?: string; path?: string })
      .filter((l) => l.msg === 'request')
    expect(requests.length, 'request lines').toBeGreaterThan(500)
    const personal = requests.filter((r) => /^\/(uitnodiging|aanmelding|spreker|verslag)\//.test(r.path ?? ''))
    expect(personal.length, 'requests to personal links').toBeGreaterThan(20)
    for (const r of personal) expect(r.path).toMatch(/^\/(uitnodiging|aanmelding|spreker|verslag)\/:token(\/|$)/)
  })

  test('no log holds a token, an address, a name or the password the run used', () => {
    const { logs, databases, tokens } = read()
    const people = databases.map(peopleIn)
    const emails = [...new Set(people.flatMap((p) => p.emails))]
    const names = [...new Set(people.flatMap((p) => p.names))]
    // Enough of each that the search means something.
    expect(tokens.length, 'tokens used').toBeGreaterThan(30)
    expect(emails.length, 'addresses').toBeGreaterThan(30)
    expect(names.length, 'names').toBeGreaterThan(20)
    const log = logs.join('\n')
    const lower = log.toLowerCase()
    const leaks = [
      ...tokens.filter((t) => log.includes(t)).map((t) => `token ${t.slice(0, 6)}…`),
      ...emails.filter((e) => lower.includes(e.toLowerCase())).map((e) => `address ${e}`),
      ...names.filter((n) => log.includes(n)).map((n) => `name ${n}`),
      ...(log.includes(ADMIN.password) ? ['the admin password'] : []),
    ]
    expect(leaks).toEqual([])
    // Not even an address-shaped string.
    expect(log.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).toEqual([])
  })

  test('no text column of any database holds a token the run used', () => {
    const { databases, tokens } = read()
    expect(databases.length).toBeGreaterThan(10)
    const found = databases.flatMap((file) => columnsHolding(file, tokens).map((c) => `${path.basename(file)}: ${c}`))
    expect(found).toEqual([])
  })

  test('no audit entry holds an address or a name', () => {
    const { databases } = read()
    let entries = 0
    const leaks: string[] = []
    for (const file of databases) {
      const { emails, names } = peopleIn(file)
      const db = new Database(file, { readonly: true })
      const rows = db.prepare(`SELECT "actorLabel", "details", "origin", "entityId" FROM "AuditEntry"`).all() as Row[]
      db.close()
      entries += rows.length
      for (const row of rows) {
        const text = JSON.stringify(row)
        if (/@/.test(text)) leaks.push(`${path.basename(file)}: ${text}`)
        for (const n of names) if (text.includes(n)) leaks.push(`${path.basename(file)}: name in ${text}`)
        for (const e of emails) if (text.toLowerCase().includes(e.toLowerCase())) leaks.push(`address in ${text}`)
      }
    }
    expect(entries, 'audit entries in the run').toBeGreaterThan(100)
    expect(leaks).toEqual([])
  })
})
