import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { retention } from '~/config/retention'
import { metaTitle, useT } from '~/i18n'

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, (t) => t.privacy.statement.title)

// The periods come from the configuration the purge reads, so the statement says what really happens.
export function loader() {
  return { retention }
}

export default function PrivacyStatement() {
  const s = useT().privacy.statement
  const { retention: r } = useLoaderData<typeof loader>()
  return (
    <article>
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <h2>{s.whoTitle}</h2>
      <p>{s.who}</p>
      <h2>{s.whatTitle}</h2>
      <ul>
        {s.what.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{s.whyTitle}</h2>
      <p>{s.why}</p>
      <h2>{s.retentionTitle}</h2>
      <p>{s.retentionIntro}</p>
      <ul>
        <li>{s.retention.needs(r.needsDaysAfterEvent)}</li>
        <li>{s.retention.registrations(r.registrationMonthsAfterEvent)}</li>
        <li>{s.retention.mail(r.mailBodyDays)}</li>
        <li>{s.retention.audit(r.auditDays)}</li>
        <li>{s.retention.imports(r.importJobDays)}</li>
        <li>{s.retention.links(r.expiredLinkDays)}</li>
        <li>{s.retention.photos}</li>
      </ul>
      <h2>{s.publishedTitle}</h2>
      <p>{s.published}</p>
      <h2>{s.rightsTitle}</h2>
      <p>{s.rights}</p>
    </article>
  )
}
