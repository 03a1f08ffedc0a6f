// Runs once before the integration project: a migrated base database that each test file copies.
// SQLite: a migrated file. PostgreSQL (BIJEEN_TEST_DB=postgresql): a throwaway cluster that this
// setup starts and stops itself, with a migrated template database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrate } from '../../prisma/migrate.ts'
import { createDatabase, startPgCluster } from '../support/pg-cluster.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseDatabase: { provider: 'sqlite'; file: string } | { provider: 'postgresql'; adminUrl: string; template: string }
  }
}

export default async function setup(project: TestProject) {
  if (process.env.BIJEEN_TEST_DB === 'postgresql') {
    const cluster = await startPgCluster()
    await createDatabase(cluster.url(), 'bijeen_template')
    await migrate(cluster.url('bijeen_template'))
    project.provide('baseDatabase', { provider: 'postgresql', adminUrl: cluster.url(), template: 'bijeen_template' })
    return () => cluster.stop()
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-test-'))
  const file = path.join(dir, 'base.db')
  await migrate(`file:${file}`)
  project.provide('baseDatabase', { provider: 'sqlite', file })
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
