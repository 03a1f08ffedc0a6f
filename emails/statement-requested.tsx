import { Action } from './components/action'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, dateTime, type BaseProps, type EventSummary, type Lang } from './components/shared'
import { speakerCopy, speakerReason, type SpeakerAddressee } from './components/speaker'

export type StatementRequestedProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    /** The personal speaker link, where the statement is submitted. */
    portalUrl: string
    /** ISO instant. */
    deadline?: string
    /** The secretariat's question to answer ("Wat is voor u de kern van de aanpak?"), plain text. */
    prompt?: string
    /** A reminder of an earlier request that has no answer yet. */
    reminder?: boolean
  }

const nl = {
  subject: (title: string) => `Verzoek om een citaat voor het verslag van ${title}`,
  reminderSubject: (title: string) => `Herinnering: citaat voor het verslag van ${title}`,
  reminderIntro: 'Wij hebben uw citaat nog niet ontvangen. Daarom sturen wij u dit verzoek nog een keer.',
  promptIntro: 'Onze vraag aan u:',
  preview: 'Wilt u een korte uitspraak aanleveren voor het verslag? Wij publiceren niets zonder akkoord.',
  heading: 'Verzoek om een citaat voor het verslag',
  intro: (title: string, who: string | null) =>
    who
      ? `Wij maken een verslag van ${title}. Daarin willen wij graag een citaat van ${who} opnemen: een korte uitspraak van een paar zinnen, bijvoorbeeld over de bijdrage van ${who} aan de bijeenkomst.`
      : `Wij maken een verslag van ${title}. Daarin willen wij graag een citaat van u opnemen: een korte uitspraak van een paar zinnen, bijvoorbeeld over uw bijdrage aan de bijeenkomst.`,
  how: (who: string | null) =>
    who
      ? `U kunt het citaat namens ${who} aanleveren via de persoonlijke link.`
      : 'U kunt het citaat aanleveren via uw persoonlijke link.',
  deadline: (when: string) => `Wilt u het citaat uiterlijk ${when} aanleveren?`,
  approval:
    'Wij publiceren niets zonder akkoord. Passen wij de tekst nog aan? Dan vragen wij eerst om de nieuwe versie te autoriseren.',
  button: 'Citaat aanleveren',
}

const en: typeof nl = {
  subject: (title) => `Request for a quote for the report on ${title}`,
  reminderSubject: (title) => `Reminder: quote for the report on ${title}`,
  reminderIntro: 'We have not received your quote yet, so we are sending you this request once more.',
  promptIntro: 'Our question to you:',
  preview: 'Would you provide a short quote for the report? We never publish anything without approval.',
  heading: 'Request for a quote for the report',
  intro: (title, who) =>
    who
      ? `We are preparing a report on ${title}, and we would like to include a quote from ${who}: a short statement of a few sentences, for example about the contribution of ${who} to the event.`
      : `We are preparing a report on ${title}, and we would like to include a quote from you: a short statement of a few sentences, for example about your contribution to the event.`,
  how: (who) =>
    who
      ? `You can submit the quote on behalf of ${who} with the personal link.`
      : 'You can submit the quote with your personal link.',
  deadline: (when) => `Please submit the quote by ${when}.`,
  approval:
    'We never publish anything without approval. If we make changes to the text, we will first ask for the new version to be authorised.',
  button: 'Submit a quote',
}

const copy = { nl, en }

export function subject({ lang, event, reminder }: StatementRequestedProps) {
  return reminder ? copy[lang].reminderSubject(event.title) : copy[lang].subject(event.title)
}

export function StatementRequestedEmail(props: StatementRequestedProps) {
  const { lang, event } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  const who = props.delegateName ? props.speakerName : null
  return (
    <Layout {...props} preview={t.preview} heading={t.heading} reason={speakerReason(lang, props, event.title)}>
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      {props.reminder ? <P>{t.reminderIntro}</P> : null}
      <P>{t.intro(event.title, who)}</P>
      {props.prompt ? (
        <>
          <P>{t.promptIntro}</P>
          <Panel>
            <Paragraphs text={props.prompt} />
          </Panel>
        </>
      ) : null}
      <P>{t.how(who)}</P>
      {props.deadline ? <P>{t.deadline(dateTime(props.deadline, event.timeZone, lang))}</P> : null}
      <Action href={props.portalUrl} label={t.button} linkIntro={s.linkIntro} />
      <P>{t.approval}</P>
      <P>{props.delegateName ? s.personalLinkDelegate(props.speakerName) : common[lang].personalLink}</P>
    </Layout>
  )
}

export default StatementRequestedEmail

export function sample(lang: Lang): StatementRequestedProps {
  return {
    ...sampleBase(lang),
    speakerName: 'Herman Bolhaar',
    event: sampleEvent(),
    portalUrl: sampleLinks.speaker,
    deadline: '2026-12-11T16:00:00.000Z',
    prompt: lang === 'nl' ? 'Wat is voor u de kern van de aanpak?' : 'What, for you, is the core of the approach?',
  }
}
