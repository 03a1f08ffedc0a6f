// Shared set-up for benchmarks: a fresh migrated database (SQLite file or a throwaway PostgreSQL cluster)
// whose URL is in DATABASE_URL before any app module opens it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrate } from '../../prisma/migrate.ts'
import { createDatabase, startPgCluster } from '../../tests/support/pg-cluster.ts'

export type Provider = 'sqlite' | 'postgresql'

export async function freshDatabase(provider: Provider): Promise<{ url: string; cleanup: () => void }> {
  if (provider === 'postgresql') {
    const cluster = await startPgCluster()
    await createDatabase(cluster.url(), 'bench')
    const url = cluster.url('bench')
    await migrate(url)
    return { url, cleanup: () => cluster.stop() }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-bench-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  await migrate(url)
  return { url, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
