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
