import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PrintBar, SpeakerBriefing } from '~/components/speaker-briefing'
import { SpeakerPortalNav } from '~/components/speaker-portal-nav'
import { metaTitle, useT } from '~/i18n'
import { getBriefing } from '~/models/speaker-briefing.server'
import { requireSpeakerActor } from '~/routes-support/speaker-portal.server'
import portalStyles from '~/styles/speaker-portal.css?url'
import { linkPageHeaders } from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const meta: MetaFunction = ({ matches }) => [
  ...metaTitle(matches, (t) => t.speakerPortal.briefing.title),
  { name: 'robots', content: 'noindex' },
]

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  // The briefing is per event: the link's own event.
  const briefing = actor.eventId ? await getBriefing(actor.eventId, actor.speakerId) : null
  return data({ briefing, base: session.path }, { headers: session.headers })
}

export default function SpeakerBriefingPage() {
  const p = useT().speakerPortal.briefing
  const { briefing, base } = useLoaderData<typeof loader>()
  return (
    <div className="narrow portal">
      <SpeakerPortalNav base={base} />
      {briefing ? (
        <>
          <PrintBar />
          <SpeakerBriefing briefing={briefing} />
        </>
      ) : (
        <>
          <h1>{p.title}</h1>
          <p>{p.none}</p>
        </>
      )}
    </div>
  )
}
