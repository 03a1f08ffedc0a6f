import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PublishedReportView, reportTexts } from '~/components/report-document'
import { metaTitle, useLang } from '~/i18n'
import { partnerReport } from '~/models/report.server'
import styles from '~/styles/report.css?url'
import { linkPageHeaders, requireLinkSession } from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? metaTitle(matches, (t) => reportTexts(data.report.snapshot, t.meta.lang === 'en' ? 'en' : 'nl').title) : []

export const headers = linkPageHeaders

// A report for partners only, through the partner's personal link (from the report's mail): the latest version.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireLinkSession(request, 'report', params.token ?? '')
  const report = await partnerReport(session.subjectId)
  if (!report) throw new Response('Not found', { status: 404, headers: session.headers })
  return data({ report }, { headers: session.headers })
}

export default function PartnerReport() {
  const { report } = useLoaderData<typeof loader>()
  return <PublishedReportView {...report} lang={useLang()} history={false} />
}
