import { Greeting, Layout, P } from './components/layout'
import { sampleBase } from './components/samples'
import { dateTime, DEFAULT_TIME_ZONE, type BaseProps, type Lang } from './components/shared'

export type TestProps = BaseProps & {
  recipientName: string
  /** ISO instant. */
  sentAt: string
}

const nl = {
  subject: (when: string) => `Testmail van bijeen (${when})`,
  preview: 'Deze testmail laat zien dat het versturen van e-mail werkt.',
  heading: 'Dit is een testmail',
  intro: (when: string) => `U hebt in bijeen om een testmail gevraagd. Deze e-mail is verstuurd op ${when}.`,
  works: 'Leest u dit? Dan werkt het versturen van e-mail. U hoeft niets te doen.',
  junk: 'Kwam deze e-mail in de map met ongewenste e-mail terecht? Vraag dan de beheerder van de mailserver om de instellingen te controleren.',
  reason: 'U ontvangt deze e-mail omdat u in bijeen om een testmail hebt gevraagd.',
}

const en: typeof nl = {
  subject: (when) => `Test email from bijeen (${when})`,
  preview: 'This test email shows that sending email works.',
  heading: 'This is a test email',
  intro: (when) => `You asked bijeen for a test email. This email was sent on ${when}.`,
  works: 'If you are reading this, sending email works. You do not need to do anything.',
  junk: 'If this email ended up in your junk folder, please ask the administrator of the mail server to check the settings.',
  reason: 'You are receiving this email because you asked for a test email in bijeen.',
}

const copy = { nl, en }

export function subject({ lang, sentAt }: TestProps) {
  return copy[lang].subject(dateTime(sentAt, DEFAULT_TIME_ZONE, lang))
}

export function TestEmail(props: TestProps) {
  const { lang } = props
  const t = copy[lang]
  return (
    <Layout {...props} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(dateTime(props.sentAt, DEFAULT_TIME_ZONE, lang))}</P>
      <P>{t.works}</P>
      <P>{t.junk}</P>
    </Layout>
  )
}

export default TestEmail

export function sample(lang: Lang): TestProps {
  return { ...sampleBase(lang), recipientName: 'Anouk Verbeek', sentAt: '2026-11-02T09:30:00.000Z' }
}
