// A load balancer's view of a web process: GET /healthz answers 200 while the database answers and the process
// takes requests, 503 otherwise. On SIGTERM (a deploy, a scale-down) the process drains: no new connection is
// accepted (so health checks fail and the balancer sends nothing more), the requests in flight finish (kept-alive
// connections are closed as they fall idle, and a health check on a busy one gets 503), the mail worker finishes
// the mails it holds, then the process exits.
import type { Server } from 'node:http'
import type { RequestHandler } from 'express'
import { publicContentVersion } from './public-cache.ts'

const HEALTH_TIMEOUT_MS = 2_000
const DRAIN_TIMEOUT_MS = 10_000

let draining = false

/** Whether the database answers within the health timeout: one primary-key read. */
export async function databaseAnswers(timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
  try {
    return await Promise.race([publicContentVersion().then(() => true), timeout])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

export const healthz: RequestHandler = (req, res) => {
  res.setHeader('Cache-Control', 'no-store')
  res.type('text/plain')
  if (draining) {
    res.status(503).send('stopping')
    return
  }
  void databaseAnswers().then((ok) => res.status(ok ? 200 : 503).send(ok ? 'ok' : 'database unavailable'))
}

/** Drains on SIGTERM and SIGINT; `stopWorker` ends the in-process mail worker (if any) meanwhile. */
export function drainOnSignals(server: Server, stopWorker: () => Promise<void>, log: (line: string) => void) {
  const drain = (signal: string) => {
    if (draining) return
    draining = true
    log(`${signal}: finishing the requests in flight`)
    // A response sent from now on asks the client to close its connection; idle ones are closed at once.
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'))
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    void Promise.allSettled([closed, stopWorker()]).then(() => {
      clearInterval(idle)
      process.exit(0)
    })
    setTimeout(() => {
      log(`${signal}: requests still open after ${DRAIN_TIMEOUT_MS / 1000} s; stopping anyway`)
      process.exit(1)
    }, DRAIN_TIMEOUT_MS).unref()
  }
  process.on('SIGTERM', () => drain('SIGTERM'))
  process.on('SIGINT', () => drain('SIGINT'))
}
