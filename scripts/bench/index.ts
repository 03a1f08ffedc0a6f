// `npm run bench`: speed goals, measured (never in timed tests). Each suite runs in its own process so
// that each gets a fresh database in DATABASE_URL before the app modules load.
// `npm run bench -- mail` runs one suite.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const suites: Record<string, { file: string; fn: string; providers: Array<'sqlite' | 'postgresql'> }> = {
  mail: { file: 'mail.ts', fn: 'benchMail', providers: ['sqlite', 'postgresql'] },
  calendar: { file: 'calendar.ts', fn: 'benchCalendar', providers: ['sqlite', 'postgresql'] },
  pages: { file: 'pages.ts', fn: 'benchPages', providers: ['sqlite'] },
  registration: { file: 'registration.ts', fn: 'benchRegistration', providers: ['sqlite', 'postgresql'] },
}

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const child = process.env.BIJEEN_BENCH_CHILD

if (child) {
  const [suite, provider] = child.split(':') as [string, 'sqlite' | 'postgresql']
  const { file, fn } = suites[suite]!
  const mod = (await import(path.join(here, file))) as Record<
    string,
    (p: string) => Promise<{ name: string; lines: string[] }>
  >
  const result = await mod[fn]!(provider)
  console.log(`\n${result.name}`)
  for (const line of result.lines) console.log(`  ${line}`)
  process.exit(0)
}

console.log(`bijeen benchmarks — node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
let failed = false
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue
  for (const provider of suite.providers) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, BIJEEN_BENCH_CHILD: `${name}:${provider}` },
    })
    if (run.status !== 0) failed = true
  }
}
process.exit(failed ? 1 : 0)
