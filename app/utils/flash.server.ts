// A notice for the next page the secretariat sees ("Het onderdeel is opgeslagen."), kept in their session row
// instead of the address. A reload, the back button or a copied link does not show it again, and the page the
// action sent them to takes it: a notice is kept for one path, so another tab's page cannot take it.
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { db } from './db.server'
import type { SessionUser } from './session.server'

// `done`: a bulk step's counts (created, sent, reminded…), as a query string in `value`, read with noticeCounts.
export type NoticeName = 'saved' | 'created' | 'deleted' | 'status-changed' | 'copied' | 'shifted' | 'done'

/** What a page shows: which notice, and the detail it needs (how many mails went out, which row). */
export type Notice = { name: NoticeName; value: string | null }

const stored = z.object({
  path: z.string(),
  name: z.enum(['saved', 'created', 'deleted', 'status-changed', 'copied', 'shifted', 'done']),
  value: z.string().nullable(),
})

const pathOf = (to: string) => new URL(to, 'http://x').pathname

/** Keeps the notice for the page at `to` and sends the browser there (a 302, as `redirect` does). */
export async function redirectWithNotice(
  user: Pick<SessionUser, 'sessionId'>,
  to: string,
  name: NoticeName,
  value: string | number | Record<string, string | number> | null = null,
) {
  if (value !== null && typeof value === 'object')
    value = new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)])).toString()
  const flash = JSON.stringify({ path: pathOf(to), name, value: value === null ? null : String(value) })
  await db.session.update({ where: { id: user.sessionId }, data: { flash } })
  return redirect(to)
}

/**
 * The notice kept for this request's page, taken out of the session; null when there is none for this path.
 * The clearing update matches the value read, so of two requests at once only one shows it.
 */
export async function takeNotice(user: Pick<SessionUser, 'sessionId' | 'flash'>, request: Request) {
  if (!user.flash) return null
  const parsed = stored.safeParse(safeJson(user.flash))
  if (parsed.success && parsed.data.path !== new URL(request.url).pathname) return null
  const taken = await db.session.updateMany({
    where: { id: user.sessionId, flash: user.flash },
    data: { flash: null },
  })
  if (!parsed.success || taken.count !== 1) return null
  return { name: parsed.data.name, value: parsed.data.value } satisfies Notice
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
