import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrintBar, SpeakerBriefing } from '~/components/speaker-briefing'
import { metaTitle, useT } from '~/i18n'
import { getBriefing } from '~/models/speaker-briefing.server'
import portalStyles from '~/styles/speaker-portal.css?url'
import { requirePermission } from '~/utils/permissions.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) =>
    data ? `${t.speakerPortal.briefing.title}: ${data.briefing.speaker.name}` : t.speakerPortal.briefing.title,
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'read')
  const briefing = await getBriefing(params.id ?? '', params.speakerId ?? '')
  if (!briefing) throw new Response('Not found', { status: 404 })
  return { briefing }
}

export default function AdminSpeakerBriefing() {
  const a = useT().speakerPortal.admin
  const { briefing } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <p className="breadcrumb no-print">
        <Link to={`/beheer/bijeenkomsten/${briefing.event.id}/briefing`}>{a.heading}</Link>
      </p>
      <PrintBar />
      <SpeakerBriefing briefing={briefing} />
    </div>
  )
}
