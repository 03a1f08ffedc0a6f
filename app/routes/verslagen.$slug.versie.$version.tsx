import type { LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { publicReport } from '~/models/report.server'
import { REPORT_CACHE_CONTROL } from './verslagen.$slug._index'

// An earlier published version, kept as it was published; shown like the latest.
export { default, headers, links, meta } from './verslagen.$slug._index'

export async function loader({ params }: LoaderFunctionArgs) {
  const version = /^[1-9][0-9]{0,5}$/.test(params.version ?? '') ? Number(params.version) : null
  const report = version ? await publicReport(params.slug ?? '', version) : null
  if (!report) throw new Response('Not found', { status: 404 })
  return data({ report }, { headers: { 'Cache-Control': REPORT_CACHE_CONTROL } })
}
