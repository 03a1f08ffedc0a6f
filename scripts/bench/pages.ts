// The public event page, as a visitor gets it: median time for GET /bijeenkomsten/:slug from the production
// server (its own process, seeded database), and the same for the agenda file.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { fmt, median, type Provider } from './support.ts'

const RUNS = 200

export async function benchPages(provider: Provider) {
  if (provider !== 'sqlite') throw new Error('pages bench runs on SQLite')
  if (!fs.existsSync('build/server/index.js')) spawnSync('npx', ['remix', 'vite:build'], { stdio: 'ignore' })
  const { startAppServer } = await import('../../tests/support/app-server.ts')
  const app = await startAppServer({ env: { LOG_LEVEL: 'silent', MAIL_WORKER_IN_PROCESS: 'false' } })
  try {
    const measure = async (path: string) => {
      await fetch(app.url + path).then((r) => r.text()) // warm-up
      const times: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now()
        const response = await fetch(app.url + path)
        await response.text()
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
        times.push(performance.now() - start)
      }
      return median(times)
    }
    const page = await measure('/bijeenkomsten/formele-start-samen-tegen-mensenhandel')
    const ics = await measure('/bijeenkomsten/formele-start-samen-tegen-mensenhandel/agenda.ics?programmaonderdelen=1')
    return {
      name: 'pages (sqlite): the seeded 4 December event over HTTP',
      lines: [
        `public event page, median of ${RUNS}: ${fmt(page, 1)} ms`,
        `agenda file with programme items, median of ${RUNS}: ${fmt(ics, 1)} ms`,
      ],
    }
  } finally {
    await app.stop()
  }
}
