// The public event page under load, as a thousand invited partners open it: 50 connections against the
// production server (one web process, seeded SQLite), with the public page cache on and off; beside each, a bare
// node:http server answering the same bytes in the same run. And the web process's peak memory meanwhile.
import { capture, startBare } from './bare.ts'
import { load } from './load.ts'
import { median, peakRssMb, RUNS, SECONDS, type Figure, type SuiteResult } from './support.ts'

const CONNECTIONS = 50
const PAGE = '/bijeenkomsten/formele-start-samen-tegen-mensenhandel'

async function measure(cache: boolean) {
  const { startAppServer } = await import('../../tests/support/app-server.ts')
  const app = await startAppServer({
    env: { LOG_LEVEL: 'silent', MAIL_WORKER_IN_PROCESS: 'false', PUBLIC_PAGE_CACHE: String(cache) },
  })
  try {
    const answer = await capture(app.url, { path: PAGE })
    if (answer.status !== 200) throw new Error(`${PAGE}: ${answer.status}`)
    const bare = await startBare(answer)
    const ours: Array<{ perSecond: number; p99: number }> = []
    const limits: number[] = []
    try {
      await load(app.url, () => ({ path: PAGE }), { connections: CONNECTIONS, seconds: 1 }) // warm-up
      for (let run = 0; run < RUNS; run++) {
        const result = await load(app.url, () => ({ path: PAGE }), { connections: CONNECTIONS, seconds: SECONDS })
        if (result.statuses[200] !== result.requests) throw new Error(`answers: ${JSON.stringify(result.statuses)}`)
        ours.push(result)
        limits.push(
          (await load(bare.url, () => ({ path: PAGE }), { connections: CONNECTIONS, seconds: SECONDS })).perSecond,
        )
      }
    } finally {
      bare.stop()
    }
    return { ours, limits, bytes: answer.body.length, rss: peakRssMb(app.pid) }
  } finally {
    await app.stop()
  }
}

export async function benchPages(): Promise<SuiteResult> {
  const cached = await measure(true)
  const uncached = await measure(false)
  const rate = (m: typeof cached) => median(m.ours.map((r) => r.perSecond))
  const figures: Figure[] = [
    {
      figure: `public event page, cache on, ${CONNECTIONS} connections (${(cached.bytes / 1024).toFixed(1)} kB); baseline: bare node:http, same bytes`,
      value: rate(cached),
      unit: 'req/s',
      limit: median(cached.limits),
      ratio: rate(cached) / median(cached.limits),
      goal: '≥ 0.50 of bare',
      met: rate(cached) / median(cached.limits) >= 0.5,
      runs: cached.ours.map((r) => r.perSecond),
    },
    {
      figure: 'public event page, cache on: p99',
      value: median(cached.ours.map((r) => r.p99)),
      unit: 'ms',
      goal: '≤ 25 ms',
      met: median(cached.ours.map((r) => r.p99)) <= 25,
      runs: cached.ours.map((r) => r.p99),
    },
    {
      figure: `public event page, cache off (what a change costs), one web process; baseline: bare node:http`,
      value: rate(uncached),
      unit: 'req/s',
      limit: median(uncached.limits),
      ratio: rate(uncached) / median(uncached.limits),
      goal: '≥ 500',
      met: rate(uncached) >= 500,
      runs: uncached.ours.map((r) => r.perSecond),
    },
    {
      figure: 'peak RSS of the web process under that load',
      value: Math.max(cached.rss, uncached.rss),
      unit: 'MB',
      goal: '≤ 250 MB',
      met: Math.max(cached.rss, uncached.rss) <= 250,
    },
  ]
  return { name: 'pages (sqlite)', figures }
}
