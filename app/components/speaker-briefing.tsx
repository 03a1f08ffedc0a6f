// The speaker briefing as one printable page (A4, print CSS in speaker-portal.css): arrival, address, room,
// slot, co-panelists, moderator, contact person and phone. The same page for the speaker and the secretariat.
import { useEffect, useState } from 'react'
import { formatDate, formatTime } from '~/domain/format'
import { useLang, useT } from '~/i18n'

export type BriefingView = {
  event: {
    title: string
    timeZone: string
    venueName: string
    venueAddress: string
    venuePostcode: string
    venueCity: string
  }
  speaker: { name: string }
  arrivalAt: Date
  slots: Array<{
    title: string
    startsAt: Date
    endsAt: Date
    room: string
    role: 'speaker' | 'moderator' | 'panelist' | 'host'
    moderators: string[]
    others: string[]
  }>
  contact: { name: string; phone: string; email: string }
}

export function SpeakerBriefing({ briefing: b }: { briefing: BriefingView }) {
  const t = useT().speakerPortal
  const p = t.briefing
  const lang = useLang()
  const zone = b.event.timeZone
  const time = (d: Date) => `${formatTime(d, zone, lang)}${lang === 'nl' ? ' uur' : ''}`
  const list = (names: string[]) =>
    new Intl.ListFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(names)
  return (
    <article className="briefing" aria-labelledby="briefing-title">
      <h1 id="briefing-title">
        {p.title}: {b.event.title}
      </h1>
      <p className="lead">{p.for(b.speaker.name)}</p>
      <section aria-labelledby="briefing-arrival">
        <h2 id="briefing-arrival">{p.arrival}</h2>
        <p>
          {formatDate(b.arrivalAt, zone, lang)}. {p.arrivalText(time(b.arrivalAt))}
        </p>
      </section>
      <section aria-labelledby="briefing-address">
        <h2 id="briefing-address">{p.address}</h2>
        <p>
          {b.event.venueName}
          {b.event.venueName ? <br /> : null}
          {b.event.venueAddress}
          {b.event.venueAddress ? <br /> : null}
          {[b.event.venuePostcode, b.event.venueCity].filter(Boolean).join(' ')}
        </p>
      </section>
      <section aria-labelledby="briefing-slots">
        <h2 id="briefing-slots">{p.slots}</h2>
        {b.slots.map((slot, i) => (
          <div key={i}>
            <h3>{slot.title}</h3>
            <dl className="facts">
              <dt>{p.time}</dt>
              <dd>
                {formatTime(slot.startsAt, zone, lang)}–{time(slot.endsAt)}
              </dd>
              {slot.room ? (
                <>
                  <dt>{p.room}</dt>
                  <dd>{slot.room}</dd>
                </>
              ) : null}
              <dt>{p.role}</dt>
              <dd>{t.slots.roles[slot.role]}</dd>
              {slot.moderators.length ? (
                <>
                  <dt>{p.moderator}</dt>
                  <dd>{list(slot.moderators)}</dd>
                </>
              ) : null}
              {slot.others.length ? (
                <>
                  <dt>{p.others}</dt>
                  <dd>{list(slot.others)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ))}
      </section>
      <section aria-labelledby="briefing-contact">
        <h2 id="briefing-contact">{p.contact}</h2>
        <p>
          <strong>{b.contact.name}</strong>
        </p>
        <dl className="facts">
          {b.contact.phone ? (
            <>
              <dt>{p.phone}</dt>
              <dd>{b.contact.phone}</dd>
            </>
          ) : null}
          <dt>{p.email}</dt>
          <dd>{b.contact.email}</dd>
        </dl>
      </section>
    </article>
  )
}

/** The hint above the briefing, and a print button once JavaScript runs (without it, the browser's own print). */
export function PrintBar() {
  const p = useT().speakerPortal.briefing
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return (
    <div className="no-print">
      <p className="field-hint">{p.printHint}</p>
      {hydrated ? (
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {p.print}
        </button>
      ) : null}
    </div>
  )
}
