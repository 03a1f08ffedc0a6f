import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarHeaders, speakerFeed } from '~/models/calendar.server'
import { requireFeedLink } from '~/utils/link-session.server'

// A calendar subscription cannot carry a cookie, so this feed takes its own read-only token in the URL.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await requireFeedLink('speaker_feed', params.token ?? '')
  const feed = await speakerFeed(link.subjectId)
  return new Response(feed.ics, { headers: calendarHeaders(feed.ics, feed.filename, 'private, max-age=300') })
}
