import { db } from '~/utils/db.server'
import { eventCardSelect, publicEventWhere } from './selects.server'

/** The programme whose name the shell shows: the first by order (a deployment serves one programme). */
export function getShellProgramme() {
  return db.programme.findFirst({
    orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, slug: true, name: true, nameEn: true },
  })
}

/** The public programme page: description, action lines, and its public events split into upcoming and past. */
export async function getPublicProgramme(slug: string, now = new Date()) {
  const programme = await db.programme.findUnique({
    where: { slug },
    include: {
      actionLines: { orderBy: { order: 'asc' } },
      events: {
        where: publicEventWhere,
        orderBy: { startsAt: 'asc' },
        select: eventCardSelect,
      },
    },
  })
  if (!programme) return null
  return {
    ...programme,
    upcoming: programme.events.filter((e) => e.endsAt >= now),
    past: programme.events.filter((e) => e.endsAt < now).reverse(),
  }
}
