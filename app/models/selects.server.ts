// Prisma selections that several models read the same way, so that a field added to one reads the same in all.

/** Events the public may see (a cancelled one stays visible with its notice). */
export const PUBLIC_STATUSES = ['published', 'completed', 'cancelled'] as const
export const publicEventWhere = { status: { in: [...PUBLIC_STATUSES] } }

/** An event as a line in a public list: the home page, a programme's page. */
export const eventCardSelect = {
  id: true,
  slug: true,
  title: true,
  subtitle: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueCity: true,
  status: true,
} as const

/** What a speaker is called: honorific, name and function (displayName, attributions). */
export const speakerNameSelect = { id: true, honorific: true, name: true, function: true } as const
