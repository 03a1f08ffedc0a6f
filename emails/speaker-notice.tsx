// To the secretariat: a speaker (or their delegate) answered through the portal, or asks to withdraw a quote
// that a published report holds. The speaker's own message is plain text, shown as paragraphs.
import { Action } from './components/action'
import { Layout, P } from './components/layout'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent } from './components/samples'
import { type BaseProps, type EventSummary, type Lang } from './components/shared'

export type SpeakerNotice =
  { kind: 'confirmed' | 'declined'; itemTitle: string; message: string } | { kind: 'withdrawal-requested' }

export type SpeakerNoticeProps = BaseProps & {
  event: EventSummary
  /** "Staatssecretaris Harbers". */
  speakerName: string
  /** Set when the delegate acted: their name, or true when it is not known. */
  byDelegate?: string | true
  notice: SpeakerNotice
  /** Where the secretariat sees it in /beheer. */
  adminUrl: string
}

const nl = {
  subject: {
    confirmed: (speaker: string, title: string) => `${speaker} bevestigt deelname: ${title}`,
    declined: (speaker: string, title: string) => `${speaker} zegt af: ${title}`,
    'withdrawal-requested': (speaker: string, title: string) => `${speaker} vraagt een citaat in te trekken: ${title}`,
  },
  heading: {
    confirmed: 'Een spreker bevestigt',
    declined: 'Een spreker zegt af',
    'withdrawal-requested': 'Verzoek om een citaat in te trekken',
  },
  confirmed: (speaker: string, item: string) => `${speaker} doet mee aan het onderdeel ${item}.`,
  declined: (speaker: string, item: string) => `${speaker} doet niet mee aan het onderdeel ${item}.`,
  withdrawal: (speaker: string) =>
    `${speaker} vraagt een citaat in te trekken dat al in het gepubliceerde verslag staat. Het secretariaat beslist hierover.`,
  byDelegate: (name: string | true) =>
    name === true
      ? 'Dit antwoord is gegeven door de vertegenwoordiger.'
      : `Dit antwoord is gegeven door ${name}, namens de spreker.`,
  message: 'Bericht van de spreker:',
  noMessage: 'Er is geen bericht bij het antwoord.',
  button: 'Bekijken in bijeen',
  linkIntro: 'Link voor het secretariaat',
  reason: (title: string) => `U ontvangt deze e-mail omdat u het secretariaat bent van ${title}.`,
}

const en: typeof nl = {
  subject: {
    confirmed: (speaker, title) => `${speaker} confirms taking part: ${title}`,
    declined: (speaker, title) => `${speaker} declines: ${title}`,
    'withdrawal-requested': (speaker, title) => `${speaker} asks to withdraw a quote: ${title}`,
  },
  heading: {
    confirmed: 'A speaker confirms',
    declined: 'A speaker declines',
    'withdrawal-requested': 'Request to withdraw a quote',
  },
  confirmed: (speaker, item) => `${speaker} will take part in ${item}.`,
  declined: (speaker, item) => `${speaker} will not take part in ${item}.`,
  withdrawal: (speaker) =>
    `${speaker} asks to withdraw a quote that is already in the published report. The secretariat decides on this.`,
  byDelegate: (name) =>
    name === true
      ? 'This answer was given by the delegate.'
      : `This answer was given by ${name}, on behalf of the speaker.`,
  message: 'Message from the speaker:',
  noMessage: 'There is no message with the answer.',
  button: 'View in bijeen',
  linkIntro: 'Link for the secretariat',
  reason: (title) => `You are receiving this email because you are the secretariat of ${title}.`,
}

const copy = { nl, en }

export function subject({ lang, event, speakerName, notice }: SpeakerNoticeProps) {
  return copy[lang].subject[notice.kind](speakerName, event.title)
}

export function SpeakerNoticeEmail(props: SpeakerNoticeProps) {
  const { lang, event, notice } = props
  const t = copy[lang]
  return (
    <Layout
      lang={lang}
      programmeName={props.programmeName}
      preview={subject(props)}
      heading={t.heading[notice.kind]}
      reason={t.reason(event.title)}
    >
      {notice.kind === 'withdrawal-requested' ? (
        <P>{t.withdrawal(props.speakerName)}</P>
      ) : (
        <>
          <P>{t[notice.kind](props.speakerName, notice.itemTitle)}</P>
          {notice.message ? (
            <>
              <P>{t.message}</P>
              <Paragraphs text={notice.message} />
            </>
          ) : (
            <P>{t.noMessage}</P>
          )}
        </>
      )}
      {props.byDelegate ? <P>{t.byDelegate(props.byDelegate)}</P> : null}
      <Action href={props.adminUrl} label={t.button} linkIntro={t.linkIntro} />
    </Layout>
  )
}

export default SpeakerNoticeEmail

export function sample(lang: Lang): SpeakerNoticeProps {
  return {
    ...sampleBase(lang),
    event: sampleEvent(),
    speakerName: 'Staatssecretaris Harbers',
    byDelegate: 'Marieke de Boer',
    notice: {
      kind: 'confirmed',
      itemTitle: 'Opening door staatssecretaris Harbers',
      message: lang === 'nl' ? 'Graag een spreekgestoelte met microfoon.' : 'A lectern with a microphone, please.',
    },
    adminUrl: 'https://bijeen.example.org/beheer/bijeenkomsten/evt1/programma/item1',
  }
}
