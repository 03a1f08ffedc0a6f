// Types, date helpers and the sentences that several mails share. Templates get plain, JSON-serialisable
// props (ISO strings for instants) so that the outbox can store them; they never touch the database.
import { formatDate, formatDateTime, formatEventPeriod, formatTime, type Lang } from '~/domain/format'

export type { Lang }

export type EventSummary = {
  title: string
  startsAt: string
  endsAt: string
  timeZone: string
  venueName: string
  venueAddress: string
  venuePostcode: string
  venueCity: string
  onlineUrl?: string | null
  /** The public event page. */
  url: string
}

/** Props that every mail kind has. */
export type BaseProps = {
  lang: Lang
  programmeName: string
  /** Shown in the footer as the address for questions, when given. */
  secretariatEmail?: string
}

/** Instants that belong to no event (account links, test mails) are shown in Dutch time. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam'

/** "vrijdag 4 december 2026, 14.00–17.00 uur". */
export function eventPeriod(event: EventSummary, lang: Lang) {
  return formatEventPeriod(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, lang)
}

/** "4 december 2026, 14.00 uur". */
export function dateTime(iso: string, timeZone: string, lang: Lang) {
  return formatDateTime(new Date(iso), timeZone, lang)
}

/** "4 december 2026" (the weekday of formatDate dropped), for subjects. */
export function shortDate(iso: string, timeZone: string, lang: Lang) {
  return formatDate(new Date(iso), timeZone, lang).replace(/^\p{L}+ /u, '')
}

/** "14.30–15.30 uur" / "14:30–15:30". */
export function timeRange(startsAt: string, endsAt: string, timeZone: string, lang: Lang) {
  const t = (iso: string) => formatTime(new Date(iso), timeZone, lang)
  return `${t(startsAt)}–${t(endsAt)}${lang === 'nl' ? ' uur' : ''}`
}

/** Splits plain text into paragraphs at blank lines. */
export function paragraphs(text: string) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

const nl = {
  greeting: (name: string) => `Beste ${name},`,
  formalGreeting: (name: string) => `Geachte ${name},`,
  signOff: 'Met vriendelijke groet,',
  signature: (programme: string) => `Het secretariaat van ${programme}`,
  sentBy: (programme: string) => `Deze e-mail is verstuurd door het secretariaat van het programma ${programme}.`,
  questions: 'Hebt u vragen? Mail dan naar',
  personalLink: 'Deze link is alleen voor u bedoeld. Stuur deze e-mail daarom niet door.',
  calendarAttached:
    'In de bijlage vindt u een agenda-uitnodiging. Open de bijlage om de bijeenkomst in uw agenda te zetten.',
  manageLinkIntro: 'Uw persoonlijke link',
  reasonInvited: (title: string) => `U ontvangt deze e-mail omdat het secretariaat u heeft uitgenodigd voor ${title}.`,
  reasonRegistered: (title: string) => `U ontvangt deze e-mail omdat u zich hebt aangemeld voor ${title}.`,
  reasonInvolved: (title: string) =>
    `U ontvangt deze e-mail omdat u bent uitgenodigd voor ${title}, zich hebt aangemeld of een rol hebt in het programma.`,
  event: {
    when: 'Wanneer',
    where: 'Waar',
    online: 'Online',
    onlineLater: 'U kunt ook online meedoen. De link krijgt u als uw aanmelding is bevestigd.',
    more: 'Programma en meer informatie',
  },
}

export type CommonCopy = typeof nl

const en: CommonCopy = {
  greeting: (name) => `Dear ${name},`,
  formalGreeting: (name) => `Dear ${name},`,
  signOff: 'Kind regards,',
  signature: (programme) => `The secretariat of ${programme}`,
  sentBy: (programme) => `This email was sent by the secretariat of the programme ${programme}.`,
  questions: 'Any questions? Please email',
  personalLink: 'This link is meant for you only. Please do not forward this email.',
  calendarAttached: 'A calendar invitation is attached. Open the attachment to add the event to your calendar.',
  manageLinkIntro: 'Your personal link',
  reasonInvited: (title) => `You are receiving this email because the secretariat invited you to ${title}.`,
  reasonRegistered: (title) => `You are receiving this email because you registered for ${title}.`,
  reasonInvolved: (title) =>
    `You are receiving this email because you were invited to ${title}, registered for it or have a part in its programme.`,
  event: {
    when: 'When',
    where: 'Where',
    online: 'Online',
    onlineLater: 'You can also take part online. You will receive the link once your registration is confirmed.',
    more: 'Programme and more information',
  },
}

export const common: Record<Lang, CommonCopy> = { nl, en }

/** "vrijdag 4 december 2026": the day of a slot, in the event's zone. */
export function formatSlotDay(iso: string, timeZone: string, lang: Lang) {
  return formatDate(new Date(iso), timeZone, lang)
}
