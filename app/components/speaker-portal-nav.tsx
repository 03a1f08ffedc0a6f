// The few pages behind a speaker link, as one small menu. Plain links: they work without JavaScript.
import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n'

export function SpeakerPortalNav({ base }: { base: string }) {
  const n = useT().speakerPortal.nav
  const links = [
    { to: base, label: n.overview, end: true },
    { to: `${base}/citaten`, label: n.statements, end: false },
    { to: `${base}/profiel`, label: n.profile, end: false },
    { to: `${base}/briefing`, label: n.briefing, end: false },
  ]
  return (
    <nav aria-label={n.label} className="portal-nav no-print">
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end} prefetch="none">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * What every portal page shows under its heading: the menu, that a delegate acts on the speaker's behalf, the
 * outcome of the last step (announced politely) and a refusal (announced at once).
 */
export function PortalHeader({
  base,
  onBehalfOf,
  notice,
  refusal,
}: {
  base: string
  /** The speaker's name when a delegate's link is used. */
  onBehalfOf?: string | null
  notice?: string | null
  refusal?: string | null
}) {
  const p = useT().speakerPortal
  return (
    <>
      <SpeakerPortalNav base={base} />
      {onBehalfOf ? <p className="notice">{p.onBehalf(onBehalfOf)}</p> : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {refusal ? (
        <p role="alert" className="notice notice--error">
          {refusal}
        </p>
      ) : null}
    </>
  )
}
