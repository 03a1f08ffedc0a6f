import { Action } from './components/action'
import { EventDetails } from './components/event-details'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import {
  common,
  formatSlotDay,
  shortDate,
  timeRange,
  type BaseProps,
  type EventSummary,
  type Lang,
} from './components/shared'
import { listOf, speakerCopy, speakerReason, type SpeakerAddressee, type SpeakerRole } from './components/speaker'

export type SpeakerInvitedProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    slot: { title: string; startsAt: string; endsAt: string; role: SpeakerRole }
    /** The others in the same slot, as they are named in the programme. */
    coPanelists?: string[]
    /** The personal speaker link, to confirm or decline. */
    portalUrl: string
  }

const nl = {
  subject: (role: string, title: string, date: string) => `Uitnodiging als ${role}: ${title} op ${date}`,
  preview: (who: string | null, role: string, title: string, date: string) =>
    `Wij vragen ${who ?? 'u'} om als ${role} mee te werken aan ${title} op ${date}.`,
  heading: (role: string) => `Uitnodiging als ${role}`,
  intro: (programme: string, title: string) => `Het secretariaat van ${programme} organiseert ${title}.`,
  ask: (who: string | null, role: string) =>
    `Wij vragen ${who ?? 'u'} graag om als ${role} mee te werken aan dit onderdeel van het programma:`,
  role: 'Rol',
  together: 'Samen met',
  answer: 'Wilt u via uw persoonlijke link laten weten of u meedoet? Daar kunt u ook uw gegevens en foto controleren.',
  answerDelegate: (speaker: string) =>
    `Wilt u namens ${speaker} via de persoonlijke link laten weten of dit lukt? Daar kunt u ook de gegevens en foto van ${speaker} controleren.`,
  button: 'Bevestigen of afzeggen',
}

const en: typeof nl = {
  subject: (role, title, date) => `Invitation to take part as ${role}: ${title} on ${date}`,
  preview: (who, role, title, date) => `We would like ${who ?? 'you'} to take part as ${role} in ${title} on ${date}.`,
  heading: (role) => `Invitation to take part as ${role}`,
  intro: (programme, title) => `The secretariat of ${programme} is organising ${title}.`,
  ask: (who, role) => `We would very much like ${who ?? 'you'} to take part as ${role} in this part of the programme:`,
  role: 'Role',
  together: 'Together with',
  answer:
    'Please let us know with your personal link whether you will take part. There you can also check your details and photo.',
  answerDelegate: (speaker) =>
    `Please let us know on behalf of ${speaker}, with the personal link, whether this is possible. There you can also check the details and photo of ${speaker}.`,
  button: 'Confirm or decline',
}

const copy = { nl, en }

export function subject({ lang, event, slot }: SpeakerInvitedProps) {
  return copy[lang].subject(
    speakerCopy[lang].role[slot.role],
    event.title,
    shortDate(event.startsAt, event.timeZone, lang),
  )
}

export function SpeakerInvitedEmail(props: SpeakerInvitedProps) {
  const { lang, event, slot } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  const role = s.role[slot.role]
  // Speaking to a delegate, the sentences name the speaker; speaking to the speaker, they say "u".
  const who = props.delegateName ? props.speakerName : null
  return (
    <Layout
      {...props}
      preview={t.preview(who, role, event.title, shortDate(event.startsAt, event.timeZone, lang))}
      heading={t.heading(role)}
      reason={speakerReason(lang, props, event.title)}
    >
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      <P>
        {t.intro(props.programmeName, event.title)} {t.ask(who, role)}
      </P>
      <Panel>
        <P>
          <strong>{slot.title}</strong>
          <br />
          {formatSlotDay(slot.startsAt, event.timeZone, lang)},{' '}
          {timeRange(slot.startsAt, slot.endsAt, event.timeZone, lang)}
          <br />
          {t.role}: {s.roleLabel[slot.role]}
          {props.coPanelists?.length ? (
            <>
              <br />
              {t.together}: {listOf(props.coPanelists, lang)}
            </>
          ) : null}
        </P>
      </Panel>
      <EventDetails lang={lang} event={event} online="none" />
      <P>{props.delegateName ? t.answerDelegate(props.speakerName) : t.answer}</P>
      <Action href={props.portalUrl} label={t.button} linkIntro={s.linkIntro} />
      <P>{props.delegateName ? s.personalLinkDelegate(props.speakerName) : common[lang].personalLink}</P>
    </Layout>
  )
}

export default SpeakerInvitedEmail

export function sample(lang: Lang): SpeakerInvitedProps {
  return {
    ...sampleBase(lang),
    speakerName: lang === 'nl' ? 'staatssecretaris Van Ark' : 'State Secretary Van Ark',
    event: sampleEvent(),
    slot: {
      title: 'Panel: de inzet van de ministeries',
      startsAt: '2026-12-04T13:30:00.000Z',
      endsAt: '2026-12-04T14:30:00.000Z',
      role: 'panelist',
    },
    coPanelists:
      lang === 'nl'
        ? ['staatssecretaris Harbers', 'staatssecretaris Blokhuis', 'plaatsvervangend directeur-generaal Tazelaar']
        : ['State Secretary Harbers', 'State Secretary Blokhuis', 'Deputy Director-General Tazelaar'],
    portalUrl: sampleLinks.speaker,
  }
}
