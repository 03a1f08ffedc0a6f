// The load generator of the benchmarks: `connections` kept-alive node:http connections, each sending its next
// request as soon as the previous answer is read, for a fixed time. node:http rather than fetch: undici spends
// about 1.2 ms of CPU per request here, and the generator shares the machine's cores with what it measures.
import http from 'node:http'
import { median } from './support.ts'

export type Shot = { method?: string; path: string; headers?: Record<string, string>; body?: string }
export type LoadResult = {
  requests: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  statuses: Record<number, number>
}

export function percentile(values: number[], p: number) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function send(agent: http.Agent, base: URL, shot: Shot): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...shot.headers }
    if (shot.body !== undefined) headers['Content-Length'] = Buffer.byteLength(shot.body)
    const request = http.request(
      { host: base.hostname, port: base.port, path: shot.path, method: shot.method ?? 'GET', agent, headers },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
    request.end(shot.body)
  })
}

/** Sends `next(i)` from `connections` connections for `seconds` (or `count` requests in all). */
export async function load(
  url: string,
  next: (i: number) => Shot,
  options: { connections: number; seconds?: number; count?: number },
): Promise<LoadResult> {
  const base = new URL(url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  const deadline = options.seconds ? performance.now() + options.seconds * 1000 : Infinity
  let sent = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline && (options.count === undefined || sent < options.count)) {
        const shot = next(sent++)
        const start = performance.now()
        const status = await send(agent, base, shot)
        latencies.push(performance.now() - start)
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: median(latencies),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
  }
}
