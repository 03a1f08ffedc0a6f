import { randomBytes } from 'node:crypto'
import { getEnv } from './env.server'

/** A new row id and the calendar UID that goes with it for good: `event-<id>@<host>` (DESIGN §3). */
export function newIdWithUid(kind: 'event' | 'agenda-item') {
  const id = `c${randomBytes(12).toString('hex')}`
  return { id, icsUid: `${kind}-${id}@${new URL(getEnv().APP_URL).hostname}` }
}
