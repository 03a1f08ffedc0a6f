// Runs tests/support/check-ics.py (Debian's python3-icalendar, an independent parser) over calendar texts.
// Missing python3-icalendar is a failure, not a skip.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type CheckedIcs = {
  method: string | null
  vevents: number
  events: {
    uid: string
    sequence: number | null
    status: string | null
    summary: string
    dtstart: string | null
    dtend: string | null
    attendees: number
    attendeeAddresses: string[]
  }[]
  tzids: string[]
  vtimezones: string[]
  missingVtimezones: string[]
  errors: string[]
  crlfOnly: boolean
}

const script = path.resolve(import.meta.dirname, 'check-ics.py')

/** Debian's package installs for Debian's interpreter; a pyenv `python3` earlier on PATH would not see it. */
export function findPython() {
  const candidates = [process.env.BIJEEN_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c)
  for (const candidate of candidates) {
    if (spawnSync(candidate, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0) return candidate
  }
  throw new Error(
    `python3-icalendar is not installed (tried ${candidates.join(', ')}): apt-get install python3-icalendar`,
  )
}

/** Each file as python3-icalendar reads it, keyed by the names given. */
export function checkIcsWithPython(files: Record<string, string>): Record<string, CheckedIcs> {
  const python = findPython()
  const dir = mkdtempSync(path.join(tmpdir(), 'bijeen-ics-'))
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
    const run = spawnSync(python, [script, ...Object.keys(files)], { cwd: dir, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`check-ics.py failed (${run.status}):\n${run.stderr}`)
    return JSON.parse(run.stdout) as Record<string, CheckedIcs>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
