// The host organisations of an event: grouped by sector (ministries first), sorted by name within each, and
// with JavaScript a filter field so that a long list of partners stays usable. Without JavaScript every
// organisation is shown and the form works the same.
import { useEffect, useId, useState } from 'react'
import { compareNames, matchesSearch } from '~/domain/search'
import { SECTORS, type SectorKey } from '~/domain/sectors'
import { useT } from '~/i18n'

export type HostChoice = { id: string; name: string; sector: SectorKey }

/** The choices in the order the secretariat reads them: by sector as SECTORS lists them, then by name. */
export function groupHostChoices(organisations: HostChoice[]) {
  return SECTORS.map((sector) => ({
    sector,
    organisations: organisations.filter((o) => o.sector === sector).sort((a, b) => compareNames(a.name, b.name)),
  })).filter((group) => group.organisations.length > 0)
}

export function HostPicker({
  name,
  organisations,
  selected,
  error,
}: {
  name: string
  organisations: HostChoice[]
  selected: Set<string>
  error?: string | null
}) {
  const t = useT()
  const f = t.eventAdmin.fields
  const filterId = useId()
  const [hydrated, setHydrated] = useState(false)
  const [query, setQuery] = useState('')
  // What is ticked stays in view while filtering, so that no choice is hidden from the person who made it.
  const [checked, setChecked] = useState(() => new Set(selected))
  useEffect(() => setHydrated(true), [])
  const groups = groupHostChoices(organisations)
  const shown = (o: HostChoice) => !query.trim() || checked.has(o.id) || matchesSearch(query, [o.name])
  const toggle = (id: string, on: boolean) =>
    setChecked((before) => {
      const next = new Set(before)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  return (
    <fieldset className="fieldset" aria-describedby="hosts-hint">
      <legend>{f.hosts}</legend>
      <p id="hosts-hint" className="field-hint">
        {f.hostsHint}
      </p>
      {error ? <p className="field-errors">{error}</p> : null}
      {hydrated && organisations.length > 8 ? (
        <div className="field">
          <label htmlFor={filterId}>{f.hostsFilter}</label>
          <input id={filterId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group.sector} className="checkbox-group" hidden={!group.organisations.some(shown)}>
          <legend>{t.sectors[group.sector]}</legend>
          <ul className="plain-list checkbox-list">
            {group.organisations.map((o) => (
              <li key={o.id} className="checkbox" hidden={!shown(o)}>
                <input
                  type="checkbox"
                  id={`host-${o.id}`}
                  name={name}
                  value={o.id}
                  defaultChecked={selected.has(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />
                <label htmlFor={`host-${o.id}`}>{o.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  )
}
