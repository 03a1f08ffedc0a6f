import { db } from '~/utils/db.server'

/** The secretariat's overview: every event of every programme, the next one first, then the past. */
export async function listDashboardEvents(now = new Date()) {
  const programmes = await db.programme.findMany({
    orderBy: [{ order: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      events: {
        orderBy: { startsAt: 'asc' },
        select: {
          id: true,
          slug: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          venueCity: true,
          status: true,
          capacity: true,
          confirmedCount: true,
        },
      },
    },
  })
  return programmes.map((programme) => {
    const upcoming = programme.events.filter((e) => e.endsAt >= now)
    const past = programme.events.filter((e) => e.endsAt < now).reverse()
    return { ...programme, events: [...upcoming, ...past] }
  })
}

/** Published events for the public home page. */
export function listPublicEvents() {
  return db.event.findMany({
    where: { status: { in: ['published', 'completed', 'cancelled'] } },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      venueCity: true,
      status: true,
    },
  })
}
