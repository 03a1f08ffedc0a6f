import { randomBytes } from 'node:crypto'
import { getEnv } from './env.server'

/** A row id for rows written with raw SQL, shaped like Prisma's cuid() (lower-case letters and digits). */
export function newId() {
  return `c${randomBytes(12).toString('hex')}`
}

/** A new row id and the calendar UID that goes with it for good: `event-<id>@<host>`; it never changes, so calendars update the entry instead of adding one. */
export function newIdWithUid(kind: 'event' | 'agenda-item') {
  const id = newId()
  return { id, icsUid: `${kind}-${id}@${new URL(getEnv().APP_URL).hostname}` }
}
