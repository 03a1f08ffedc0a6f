// The production server as a load balancer sees it (app/server/lifecycle.ts): /healthz answers 200 while the
// database answers and 503 when it does not; SIGTERM refuses new connections, lets the requests in flight finish,
// and exits 0.
import http from 'node:http'
import { afterAll, describe, expect, test } from 'vitest'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { createDatabase, startPgCluster, type PgCluster } from '../support/pg-cluster.ts'

const started: AppServer[] = []
const clusters: PgCluster[] = []
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()))
  for (const cluster of clusters) cluster.stop()
})

async function start(env: Record<string, string> = {}) {
  const app = await startAppServer({ seed: false, env: { MAIL_WORKER_IN_PROCESS: 'false', ...env } })
  started.push(app)
  return app
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

function request(url: string, options: http.RequestOptions, body?: (req: http.ClientRequest) => void) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    if (body) body(req)
    else req.end()
  })
}

describe('/healthz', () => {
  test('200 while SQLite answers', async () => {
    const app = await start()
    const answer = await request(`${app.url}/healthz`, {})
    expect(answer).toMatchObject({ status: 200, body: 'ok' })
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  test('200 while PostgreSQL answers, 503 once it is gone', async () => {
    const cluster = await startPgCluster()
    clusters.push(cluster)
    await createDatabase(cluster.url(), 'health')
    const app = await start({ DATABASE_URL: cluster.url('health') })
    expect((await request(`${app.url}/healthz`, {})).status).toBe(200)
    cluster.stop()
    expect(await request(`${app.url}/healthz`, {})).toMatchObject({ status: 503, body: 'database unavailable' })
    // The process itself stays up, for when the database comes back.
    expect(app.output()).not.toContain('exited')
  })
})

describe('SIGTERM', () => {
  test('refuses new connections, finishes the request in flight, then exits 0', async () => {
    const app = await start()
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    // A kept-alive connection, idle when the signal comes: closed at once, so the client opens a new one.
    expect((await request(`${app.url}/healthz`, { agent })).status).toBe(200)

    // A request whose body is still arriving when the signal comes.
    const form = 'lang=en&redirectTo=%2F'
    let finish!: () => void
    const inFlight = request(
      `${app.url}/taal`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(form),
          Origin: app.url,
        },
      },
      (req) => {
        req.write(form.slice(0, 5))
        finish = () => req.end(form.slice(5))
      },
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    app.signal('SIGTERM')
    await expect.poll(() => app.output()).toContain('SIGTERM: finishing the requests in flight')

    // No new connections: a load balancer's health check fails and it sends no more traffic here.
    await expect(request(`${app.url}/healthz`, {})).rejects.toThrow(/ECONNREFUSED/)
    await expect(request(`${app.url}/healthz`, { agent })).rejects.toThrow(/ECONNREFUSED/)

    finish()
    const answer = await inFlight
    expect(answer.status).toBe(302)
    expect(answer.headers['set-cookie']?.join()).toContain('bijeen_lang=')
    expect(await app.exited).toBe(0)
    agent.destroy()
  })
})
