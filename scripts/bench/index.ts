// `npm run bench`: every speed goal, measured against a production build on loopback (never in timed tests).
// Each suite runs in its own process, so that each gets a fresh database in DATABASE_URL before the app modules
// load, and hands back its figures as one JSON line. One table is printed and written to
// docs/bench/<date>-<commit>.json (under docs/: the top-level folders are fixed as app, emails, prisma, tests and docs).
// `npm run bench -- pages` runs one suite; BENCH_RUNS and BENCH_SECONDS set how many runs each median takes
// and how long a load run lasts.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Figure, SuiteResult } from './support.ts'

type Provider = 'sqlite' | 'postgresql'
const suites: Record<string, { file: string; fn: string; providers: Provider[] }> = {
  pages: { file: 'pages.ts', fn: 'benchPages', providers: ['sqlite'] },
  secretariat: { file: 'secretariat.ts', fn: 'benchSecretariat', providers: ['sqlite'] },
  registration: { file: 'registration.ts', fn: 'benchRegistration', providers: ['sqlite', 'postgresql'] },
  mail: { file: 'mail.ts', fn: 'benchMail', providers: ['sqlite', 'postgresql'] },
  calendar: { file: 'calendar.ts', fn: 'benchCalendar', providers: ['sqlite', 'postgresql'] },
  report: { file: 'report.ts', fn: 'benchReport', providers: ['sqlite'] },
}
const MARK = 'BENCH_RESULT '

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const child = process.env.BIJEEN_BENCH_CHILD

if (child) {
  const [suite, provider] = child.split(':') as [string, Provider]
  const { file, fn } = suites[suite]!
  const mod = (await import(path.join(here, file))) as Record<string, (p: Provider) => Promise<SuiteResult>>
  const result = await mod[fn]!(provider)
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`)
  process.exit(0)
}

function runSuite(name: string, provider: Provider): Promise<SuiteResult | { name: string; error: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BIJEEN_BENCH_CHILD: `${name}:${provider}`, LOG_LEVEL: 'silent' },
    })
    let output = ''
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    proc.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(MARK))
      resolve(
        line
          ? (JSON.parse(line.slice(MARK.length)) as SuiteResult)
          : { name: `${name} (${provider})`, error: `exit ${code}` },
      )
    })
  })
}

const fmt = (n: number | undefined, unit = '') => {
  if (n === undefined || Number.isNaN(n)) return ''
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2
  return `${n.toLocaleString('en-GB', { maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`
}

const only = process.argv[2]
const started = Date.now()
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
console.log(
  `bijeen benchmarks — commit ${commit}, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
)
// A production build of this very tree.
execFileSync('npx', ['remix', 'vite:build'], { cwd: root, stdio: 'ignore' })

const results: Array<SuiteResult | { name: string; error: string }> = []
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue
  for (const provider of suite.providers) {
    const t = Date.now()
    const result = await runSuite(name, provider)
    results.push(result)
    console.log(
      `  ${result.name}: ${'error' in result ? result.error : 'done'} in ${((Date.now() - t) / 1000).toFixed(0)} s`,
    )
  }
}

const rows: string[][] = [['figure', 'value', 'baseline, same run', 'ratio', 'goal', 'met']]
for (const result of results) {
  if ('error' in result) {
    rows.push([`${result.name}: FAILED (${result.error})`, '', '', '', '', ''])
    continue
  }
  for (const f of result.figures as Figure[]) {
    rows.push([
      `${result.name}: ${f.figure}`,
      fmt(f.value, f.unit),
      fmt(f.limit, f.limit === undefined ? '' : f.unit),
      f.ratio === undefined ? '' : f.ratio.toFixed(3),
      f.goal ?? '',
      f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    ])
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
console.log(`\n${line(rows[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows.slice(1)) console.log(line(r))

const minutes = (Date.now() - started) / 60_000
// One suite's run gets its own file, so that running the suites one by one keeps every table.
const file = path.join(
  root,
  'docs/bench',
  `${new Date().toISOString().slice(0, 10)}-${commit}${only ? `-${only}` : ''}.json`,
)
fs.mkdirSync(path.dirname(file), { recursive: true })
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      commit,
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      loadAverage: os.loadavg(),
      runs: Number(process.env.BENCH_RUNS ?? 3),
      seconds: Number(process.env.BENCH_SECONDS ?? 4),
      minutes,
      results,
    },
    null,
    2,
  ) + '\n',
)
console.log(`\n${fmt(minutes)} min; written to ${path.relative(root, file)}`)
process.exit(results.some((r) => 'error' in r) ? 1 : 0)
