import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarHeaders, eventDownload } from '~/models/calendar.server'

// ?programmaonderdelen=1 adds each agenda item as its own calendar item ("met programmaonderdelen").
export async function loader({ request, params }: LoaderFunctionArgs) {
  const withItems = new URL(request.url).searchParams.get('programmaonderdelen') === '1'
  const file = await eventDownload(params.slug ?? '', withItems)
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(file.ics, { headers: calendarHeaders(file.ics, file.filename, 'public, max-age=300') })
}
