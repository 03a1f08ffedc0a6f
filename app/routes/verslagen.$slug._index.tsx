import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PublishedReportView, reportTexts } from '~/components/report-document'
import { metaTitle, useLang } from '~/i18n'
import { publicReport } from '~/models/report.server'
import styles from '~/styles/report.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? metaTitle(matches, (t) => reportTexts(data.report.snapshot, t.meta.lang === 'en' ? 'en' : 'nl').title) : []

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

// Publishing again must show at once: the browser asks each time, and the public cache's ETag answers 304.
export const REPORT_CACHE_CONTROL = 'public, no-cache'

// The latest published version. Unpublished, or for partners only: not found.
export async function loader({ params }: LoaderFunctionArgs) {
  const report = await publicReport(params.slug ?? '')
  if (!report) throw new Response('Not found', { status: 404 })
  return data({ report }, { headers: { 'Cache-Control': REPORT_CACHE_CONTROL } })
}

export default function PublishedReport() {
  const { report } = useLoaderData<typeof loader>()
  return <PublishedReportView {...report} lang={useLang()} />
}
