import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarHeaders, registrantFeed } from '~/models/calendar.server'
import { linkProblemResponse, resolvePersonalLink } from '~/models/personal-link.server'

// A calendar subscription cannot carry a cookie, so this feed takes its own read-only token in the URL.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await resolvePersonalLink('registration_feed', params.token ?? '')
  if (!link.ok) throw linkProblemResponse(link.problem)
  const feed = await registrantFeed(link.subjectId)
  if (!feed) throw new Response('Not found', { status: 404 })
  return new Response(feed.ics, { headers: calendarHeaders(feed.ics, feed.filename, 'private, max-age=300') })
}
