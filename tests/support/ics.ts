// Reads calendar files with ical.js (an independent parser) for integration tests.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ICAL from 'ical.js'

const mailto = (value: unknown) => String(value ?? '').replace(/^mailto:/i, 'mailto:')

export function parseIcs(text: string) {
  ICAL.TimezoneService.reset()
  const root = new ICAL.Component(ICAL.parse(text))
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz)
  const events = root.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    status: String(vevent.getFirstPropertyValue('status') ?? ''),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    // The mailto: scheme is case-insensitive (RFC 3986); compare it in lower case.
    attendees: vevent
      .getAllProperties('attendee')
      .map((p) => ({ value: mailto(p.getFirstValue()), rsvp: p.getParameter('rsvp') })),
    organizer: mailto(vevent.getFirstPropertyValue('organizer')),
  }))
  return { method: String(root.getFirstPropertyValue('method') ?? ''), events, raw: text }
}

export type PythonChecked = {
  method: string | null
  vevents: number
  events: Array<{
    uid: string
    sequence: number | null
    status: string | null
    summary: string
    dtstart: string | null
    dtend: string | null
    attendees: number
    attendeeAddresses: string[]
  }>
  missingVtimezones: string[]
  errors: string[]
  crlfOnly: boolean
}

/**
 * Reads calendar files with Debian's python3-icalendar (tests/support/check-ics.py), a second parser beside
 * ical.js. Missing python3-icalendar is a failure, not a skip.
 */
export function checkWithPython(files: Record<string, string>): Record<string, PythonChecked> {
  const candidates = [process.env.BIJEEN_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c)
  const python = candidates.find((c) => spawnSync(c, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0)
  if (!python) throw new Error('python3-icalendar is not installed: apt-get install python3-icalendar')
  const dir = mkdtempSync(path.join(tmpdir(), 'bijeen-ics-'))
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
    const script = path.resolve(import.meta.dirname, 'check-ics.py')
    const run = spawnSync(python, [script, ...Object.keys(files)], { cwd: dir, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`check-ics.py failed (${run.status}):\n${run.stderr}`)
    return JSON.parse(run.stdout) as Record<string, PythonChecked>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
