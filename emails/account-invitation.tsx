import { en as enDictionary } from '~/i18n/en'
import { nl as nlDictionary } from '~/i18n/nl'
import { Action } from './components/action'
import { Greeting, Layout, P } from './components/layout'
import { sampleBase, sampleLinks } from './components/samples'
import { common, dateTime, DEFAULT_TIME_ZONE, type BaseProps, type Lang } from './components/shared'

export type AccountRole = 'admin' | 'organiser' | 'viewer'

export type AccountInvitationProps = BaseProps & {
  recipientName: string
  invitedByName: string
  role: AccountRole
  acceptUrl: string
  /** ISO instant when the link stops working. */
  expiresAt: string
}

const nl = {
  subject: (programme: string) => `Uitnodiging voor een account bij het secretariaat van ${programme}`,
  preview: (by: string, until: string) =>
    `${by} heeft een account voor u aangemaakt in bijeen. Activeer het vóór ${until}.`,
  heading: 'Uw account voor bijeen',
  intro: (by: string, programme: string) =>
    `${by} heeft een account voor u aangemaakt in bijeen. Met bijeen organiseert het secretariaat van ${programme} zijn bijeenkomsten.`,
  role: (role: string) => `Uw rol is ${role}.`,
  explain: {
    admin: 'U kunt alles beheren, ook de accounts van anderen.',
    organiser: 'U kunt bijeenkomsten, uitnodigingen, aanmeldingen, sprekers en verslagen beheren.',
    viewer: 'U kunt alles bekijken, maar niets wijzigen.',
  } satisfies Record<AccountRole, string>,
  activate: 'Kies een wachtwoord om uw account te activeren.',
  button: 'Account activeren',
  linkIntro: 'Link om uw account te activeren',
  expires: (until: string, by: string) =>
    `Deze link werkt tot ${until}. Is de link verlopen? Vraag dan ${by} om een nieuwe uitnodiging.`,
  unexpected: 'Hebt u deze e-mail niet verwacht? Dan kunt u hem negeren. Er gebeurt dan niets.',
  reason: (by: string) => `U ontvangt deze e-mail omdat ${by} u heeft uitgenodigd voor een account in bijeen.`,
}

const en: typeof nl = {
  subject: (programme) => `Invitation to an account with the secretariat of ${programme}`,
  preview: (by, until) => `${by} has created an account for you in bijeen. Please activate it before ${until}.`,
  heading: 'Your bijeen account',
  intro: (by, programme) =>
    `${by} has created an account for you in bijeen, the application the secretariat of ${programme} uses to organise its events.`,
  role: (role) => `Your role is ${role}.`,
  explain: {
    admin: 'You can manage everything, including other people’s accounts.',
    organiser: 'You can manage events, invitations, registrations, speakers and reports.',
    viewer: 'You can view everything, but you cannot change anything.',
  },
  activate: 'Choose a password to activate your account.',
  button: 'Activate your account',
  linkIntro: 'Link to activate your account',
  expires: (until, by) => `This link works until ${until}. If it has expired, please ask ${by} for a new invitation.`,
  unexpected: 'If you were not expecting this email, you can ignore it. Nothing will happen.',
  reason: (by) => `You are receiving this email because ${by} invited you to an account in bijeen.`,
}

const copy = { nl, en }
// The role names of the app itself ("Beheerder"), lower case inside a sentence.
const roleNames = { nl: nlDictionary.roles, en: enDictionary.roles }

export function subject({ lang, programmeName }: AccountInvitationProps) {
  return copy[lang].subject(programmeName)
}

export function AccountInvitationEmail(props: AccountInvitationProps) {
  const { lang } = props
  const t = copy[lang]
  const until = dateTime(props.expiresAt, DEFAULT_TIME_ZONE, lang)
  return (
    <Layout
      {...props}
      preview={t.preview(props.invitedByName, until)}
      heading={t.heading}
      reason={t.reason(props.invitedByName)}
    >
      <Greeting lang={lang} name={props.recipientName} />
      <P>{t.intro(props.invitedByName, props.programmeName)}</P>
      <P>
        {t.role(roleNames[lang][props.role].toLowerCase())} {t.explain[props.role]}
      </P>
      <P>{t.activate}</P>
      <Action href={props.acceptUrl} label={t.button} linkIntro={t.linkIntro} />
      <P>{t.expires(until, props.invitedByName)}</P>
      <P>{common[lang].personalLink}</P>
      <P>{t.unexpected}</P>
    </Layout>
  )
}

export default AccountInvitationEmail

export function sample(lang: Lang): AccountInvitationProps {
  return {
    ...sampleBase(lang),
    recipientName: 'Sanne de Vries',
    invitedByName: 'Anouk Verbeek',
    role: 'organiser',
    acceptUrl: sampleLinks.account,
    expiresAt: '2026-11-03T16:00:00.000Z',
  }
}
