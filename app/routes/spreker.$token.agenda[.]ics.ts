import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarHeaders, speakerFeed } from '~/models/calendar.server'
import { linkProblemResponse, resolvePersonalLink } from '~/models/personal-link.server'

// A calendar subscription cannot carry a cookie, so this feed takes its own read-only token in the URL.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await resolvePersonalLink('speaker_feed', params.token ?? '')
  if (!link.ok) throw linkProblemResponse(link.problem)
  const feed = await speakerFeed(link.subjectId)
  return new Response(feed.ics, { headers: calendarHeaders(feed.ics, feed.filename, 'private, max-age=300') })
}
