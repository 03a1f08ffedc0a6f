import { Action } from './components/action'
import { Greeting, Layout, P } from './components/layout'
import { Panel } from './components/panel'
import { Paragraphs } from './components/quote'
import { sampleBase, sampleEvent, sampleLinks } from './components/samples'
import { common, dateTime, type BaseProps, type EventSummary, type Lang } from './components/shared'
import { speakerCopy, speakerReason, type SpeakerAddressee } from './components/speaker'

export type StatementChangesRequestedProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    /** The secretariat's comment: plain text, shown as paragraphs. */
    comment: string
    /** The personal speaker link, where a new version is submitted. */
    portalUrl: string
    /** ISO instant. */
    deadline?: string
  }

const nl = {
  subject: (title: string) => `Wilt u het citaat aanpassen? ${title}`,
  preview: 'Het secretariaat vraagt u het citaat voor het verslag aan te passen.',
  heading: 'Wilt u het citaat aanpassen?',
  intro: (title: string, who: string | null) =>
    `Dank voor het citaat van ${who ?? 'u'} voor het verslag van ${title}. Wij vragen u de tekst op een paar punten aan te passen:`,
  how: (who: string | null) =>
    who
      ? `U kunt namens ${who} een nieuwe versie aanleveren via de persoonlijke link.`
      : 'U kunt een nieuwe versie aanleveren via uw persoonlijke link.',
  deadline: (when: string) => `Wilt u de nieuwe versie uiterlijk ${when} aanleveren?`,
  approval: 'Wij publiceren niets zonder akkoord.',
  button: 'Nieuwe versie aanleveren',
}

const en: typeof nl = {
  subject: (title) => `Would you revise the quote? ${title}`,
  preview: 'The secretariat asks you to revise the quote for the report.',
  heading: 'Would you revise the quote?',
  intro: (title, who) =>
    `Thank you for the quote from ${who ?? 'you'} for the report on ${title}. We would like to ask you to revise the text on a few points:`,
  how: (who) =>
    who
      ? `You can submit a new version on behalf of ${who} with the personal link.`
      : 'You can submit a new version with your personal link.',
  deadline: (when) => `Please submit the new version by ${when}.`,
  approval: 'We never publish anything without approval.',
  button: 'Submit a new version',
}

const copy = { nl, en }

export function subject({ lang, event }: StatementChangesRequestedProps) {
  return copy[lang].subject(event.title)
}

export function StatementChangesRequestedEmail(props: StatementChangesRequestedProps) {
  const { lang, event } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  const who = props.delegateName ? props.speakerName : null
  return (
    <Layout
      lang={lang}
      programmeName={props.programmeName}
      secretariatEmail={props.secretariatEmail}
      preview={t.preview}
      heading={t.heading}
      reason={speakerReason(lang, props, event.title)}
    >
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      <P>{t.intro(event.title, who)}</P>
      <Panel>
        <Paragraphs text={props.comment} />
      </Panel>
      <P>{t.how(who)}</P>
      {props.deadline ? <P>{t.deadline(dateTime(props.deadline, event.timeZone, lang))}</P> : null}
      <Action href={props.portalUrl} label={t.button} linkIntro={s.linkIntro} />
      <P>{t.approval}</P>
      <P>{props.delegateName ? s.personalLinkDelegate(props.speakerName) : common[lang].personalLink}</P>
    </Layout>
  )
}

export default StatementChangesRequestedEmail

export function sample(lang: Lang): StatementChangesRequestedProps {
  return {
    ...sampleBase(lang),
    speakerName: 'Herman Bolhaar',
    event: sampleEvent(),
    comment:
      lang === 'nl'
        ? 'Kunt u de tweede zin iets korter maken? Het verslag heeft ruimte voor ongeveer drie zinnen.'
        : 'Could you make the second sentence a little shorter? The report has room for about three sentences.',
    portalUrl: sampleLinks.speaker,
    deadline: '2026-12-11T16:00:00.000Z',
  }
}
