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

/** One line of the bench table. `limit`: the bare node:http server's figure in the same run; `ratio`: value/limit. */
export type Figure = {
  figure: string
  value: number
  unit: string
  goal?: string
  met?: boolean
  limit?: number
  ratio?: number
  runs?: number[]
  note?: string
}
export type SuiteResult = { name: string; figures: Figure[] }

// Short by default so that `npm run bench` ends within 10 minutes on 2 cores; longer runs: BENCH_SECONDS=10.
export const RUNS = Number(process.env.BENCH_RUNS ?? 3)
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)

/** Peak resident memory of a process so far (VmHWM), in MB; NaN where /proc is missing. */
export function peakRssMb(pid: number) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024
  } catch {
    return NaN
  }
}
