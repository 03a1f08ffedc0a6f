import { Action } from './components/action'
import { Greeting, Layout, P } from './components/layout'
import { Quote } from './components/quote'
import { sampleAttribution, sampleBase, sampleEvent, sampleLinks, sampleQuote } from './components/samples'
import { common, type BaseProps, type EventSummary, type Lang } from './components/shared'
import { speakerCopy, speakerReason, type SpeakerAddressee } from './components/speaker'

export type StatementNeedsAuthorisationProps = BaseProps &
  SpeakerAddressee & {
    event: EventSummary
    /** The proposed quote, shown exactly as it would be published. */
    text: string
    /** How the quote would be attributed in the report. */
    attribution?: string
    /** The personal speaker link, where the quote is authorised or rejected. */
    portalUrl: string
  }

const nl = {
  subject: (title: string) => `Citaat ter autorisatie: ${title}`,
  preview: (who: string | null) =>
    who
      ? `Wilt u het citaat van ${who} voor het verslag controleren en autoriseren?`
      : 'Wilt u uw citaat voor het verslag controleren en autoriseren?',
  heading: 'Wilt u dit citaat autoriseren?',
  intro: (title: string, who: string | null) =>
    `Wij willen het volgende citaat van ${who ?? 'u'} opnemen in het verslag van ${title}:`,
  ask: (who: string | null) =>
    who
      ? `Klopt de tekst? Geef dan namens ${who} akkoord via de persoonlijke link. Wilt u iets veranderen? Dan kunt u de tekst daar afwijzen en een andere versie voorstellen.`
      : 'Klopt de tekst? Geef dan akkoord via uw persoonlijke link. Wilt u iets veranderen? Dan kunt u de tekst daar afwijzen en een andere versie voorstellen.',
  publish: 'Wij publiceren het citaat pas als het is geautoriseerd, en dan precies zoals het hier staat.',
  button: 'Citaat autoriseren of afwijzen',
}

const en: typeof nl = {
  subject: (title) => `Quote for authorisation: ${title}`,
  preview: (who) =>
    who
      ? `Would you check and authorise the quote from ${who} for the report?`
      : 'Would you check and authorise your quote for the report?',
  heading: 'Would you authorise this quote?',
  intro: (title, who) => `We would like to include the following quote from ${who ?? 'you'} in the report on ${title}:`,
  ask: (who) =>
    who
      ? `If the text is correct, please approve it on behalf of ${who} with the personal link. If you would like to change something, you can reject the text there and propose another version.`
      : 'If the text is correct, please approve it with your personal link. If you would like to change something, you can reject the text there and propose another version.',
  publish: 'We only publish the quote once it has been authorised, and then exactly as it appears here.',
  button: 'Authorise or reject the quote',
}

const copy = { nl, en }

export function subject({ lang, event }: StatementNeedsAuthorisationProps) {
  return copy[lang].subject(event.title)
}

export function StatementNeedsAuthorisationEmail(props: StatementNeedsAuthorisationProps) {
  const { lang, event } = props
  const t = copy[lang]
  const s = speakerCopy[lang]
  const who = props.delegateName ? props.speakerName : null
  return (
    <Layout {...props} preview={t.preview(who)} heading={t.heading} reason={speakerReason(lang, props, event.title)}>
      <Greeting lang={lang} name={props.delegateName ?? props.speakerName} formal />
      {props.delegateName ? <P>{s.onBehalf(props.speakerName)}</P> : null}
      <P>{t.intro(event.title, who)}</P>
      <Quote text={props.text} attribution={props.attribution} />
      <P>{t.ask(who)}</P>
      <Action href={props.portalUrl} label={t.button} linkIntro={s.linkIntro} />
      <P>{t.publish}</P>
      <P>{props.delegateName ? s.personalLinkDelegate(props.speakerName) : common[lang].personalLink}</P>
    </Layout>
  )
}

export default StatementNeedsAuthorisationEmail

export function sample(lang: Lang): StatementNeedsAuthorisationProps {
  return {
    ...sampleBase(lang),
    speakerName: lang === 'nl' ? 'staatssecretaris Harbers' : 'State Secretary Harbers',
    delegateName: 'Marieke de Boer',
    event: sampleEvent(),
    text: sampleQuote,
    attribution: sampleAttribution(lang),
    portalUrl: sampleLinks.speaker,
  }
}
