// Each test file gets its own migrated database, set in DATABASE_URL before any app module opens it.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, inject } from 'vitest'
import { createDatabase } from '../support/pg-cluster.ts'

const base = inject('baseDatabase')
const name = `t_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`
let cleanup: () => void | Promise<void>

if (base.provider === 'sqlite') {
  const file = path.join(path.dirname(base.file), `${name}.db`)
  fs.copyFileSync(base.file, file)
  process.env.DATABASE_URL = `file:${file}`
  cleanup = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  }
} else {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: base.adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${base.template}"`)
  await admin.end()
  process.env.DATABASE_URL = base.adminUrl.replace(/\/[^/]*$/, `/${name}`)
  cleanup = () => {}
  void createDatabase
}
process.env.NODE_ENV = 'test'
process.env.LOG_LEVEL = 'silent'

afterAll(async () => {
  const { getDb } = await import('~/utils/db.server')
  const { closeSqlDriver } = await import('~/utils/sql-driver.server')
  await getDb().$disconnect()
  await closeSqlDriver()
  await cleanup()
})
