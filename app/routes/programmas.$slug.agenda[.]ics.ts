import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarHeaders, programmeFeed } from '~/models/calendar.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const file = await programmeFeed(params.slug ?? '')
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(file.ics, { headers: calendarHeaders(file.ics, file.filename, 'public, max-age=900') })
}
