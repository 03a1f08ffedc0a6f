// Mails to speakers may go to a delegate (a private secretary, a spokesperson) who acts for the speaker. Then
// the mail addresses the delegate and says on whose behalf they act.
import { type Lang } from './shared'

export type SpeakerRole = 'speaker' | 'moderator' | 'panelist' | 'host'

export type SpeakerAddressee = {
  /** As the speaker is addressed: "staatssecretaris Harbers". */
  speakerName: string
  /** Set when the mail goes to the speaker's delegate. */
  delegateName?: string
}

const nl = {
  /** The role inside a sentence: "als panellid". */
  role: { speaker: 'spreker', moderator: 'moderator', panelist: 'panellid', host: 'gastheer/gastvrouw' },
  /** The role as a label: "Rol: panellid". */
  roleLabel: { speaker: 'spreker', moderator: 'moderator', panelist: 'panellid', host: 'gastheer/gastvrouw' },
  reason: (title: string) =>
    `U ontvangt deze e-mail omdat het secretariaat u heeft gevraagd mee te werken aan ${title}.`,
  reasonDelegate: (speaker: string, title: string) =>
    `U ontvangt deze e-mail omdat u namens ${speaker} optreedt voor ${title}.`,
  onBehalf: (speaker: string) => `Wij schrijven u omdat u namens ${speaker} optreedt.`,
  personalLinkDelegate: (speaker: string) =>
    `Deze link is alleen bedoeld voor u en ${speaker}. Stuur deze e-mail daarom niet door.`,
  linkIntro: 'Persoonlijke link voor sprekers',
}

const en: typeof nl = {
  role: { speaker: 'a speaker', moderator: 'moderator', panelist: 'a panel member', host: 'host' },
  roleLabel: { speaker: 'speaker', moderator: 'moderator', panelist: 'panel member', host: 'host' },
  reason: (title) => `You are receiving this email because the secretariat asked you to take part in ${title}.`,
  reasonDelegate: (speaker, title) =>
    `You are receiving this email because you act on behalf of ${speaker} for ${title}.`,
  onBehalf: (speaker) => `We are writing to you because you act on behalf of ${speaker}.`,
  personalLinkDelegate: (speaker) =>
    `This link is meant only for you and ${speaker}. Please do not forward this email.`,
  linkIntro: 'Personal link for speakers',
}

export const speakerCopy: Record<Lang, typeof nl> = { nl, en }

/** The footer sentence: why this speaker or delegate gets the mail. */
export function speakerReason(lang: Lang, p: SpeakerAddressee, eventTitle: string) {
  const t = speakerCopy[lang]
  return p.delegateName ? t.reasonDelegate(p.speakerName, eventTitle) : t.reason(eventTitle)
}

/** "Petra, Jan en Ahmed" / "Petra, Jan and Ahmed". */
export function listOf(names: string[], lang: Lang) {
  return new Intl.ListFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(names)
}
