// The registry of mail kinds. Every kind is one React Email component with plain props, rendered twice from
// the same element: HTML and plain text. The outbox renders when a mail is queued (bulk sends once, as a merge).
import { render } from '@react-email/render'
import { createElement, type FunctionComponent, type ReactElement } from 'react'
import * as accountInvitation from './account-invitation'
import { type Lang } from './components/shared'
import * as eventCancelled from './event-cancelled'
import * as eventChanged from './event-changed'
import * as invitation from './invitation'
import * as registrationAwaitingApproval from './registration-awaiting-approval'
import * as registrationCancelled from './registration-cancelled'
import * as registrationConfirmed from './registration-confirmed'
import * as registrationLink from './registration-link'
import * as registrationPromoted from './registration-promoted'
import * as registrationRejected from './registration-rejected'
import * as registrationWaitlisted from './registration-waitlisted'
import * as reminder from './reminder'
import * as reportPublished from './report-published'
import * as speakerBriefing from './speaker-briefing'
import * as speakerInvited from './speaker-invited'
import * as speakerSlotUpdate from './speaker-slot-update'
import * as speakerNotice from './speaker-notice'
import * as statementAuthorised from './statement-authorised'
import * as statementChangesRequested from './statement-changes-requested'
import * as statementNeedsAuthorisation from './statement-needs-authorisation'
import * as statementRequested from './statement-requested'
import * as test from './test'

export type { EventSummary, Lang } from './components/shared'

export type MailTemplate<P> = {
  Component: (props: P) => ReactElement
  /** The localised subject line. */
  subject: (props: P) => string
  /** Realistic props for previews and the dev mailbox. */
  sample: (lang: Lang) => P
}

function template<P>(module: {
  default: (props: P) => ReactElement
  subject: (props: P) => string
  sample: (lang: Lang) => P
}): MailTemplate<P> {
  return { Component: module.default, subject: module.subject, sample: module.sample }
}

export const mailTemplates = {
  invitation: template(invitation),
  reminder: template(reminder),
  'registration-confirmed': template(registrationConfirmed),
  'registration-waitlisted': template(registrationWaitlisted),
  'registration-promoted': template(registrationPromoted),
  'registration-awaiting-approval': template(registrationAwaitingApproval),
  'registration-rejected': template(registrationRejected),
  'registration-cancelled': template(registrationCancelled),
  'registration-link': template(registrationLink),
  'event-changed': template(eventChanged),
  'event-cancelled': template(eventCancelled),
  'speaker-invited': template(speakerInvited),
  'speaker-slot-update': template(speakerSlotUpdate),
  'speaker-notice': template(speakerNotice),
  'speaker-briefing': template(speakerBriefing),
  'statement-requested': template(statementRequested),
  'statement-needs-authorisation': template(statementNeedsAuthorisation),
  'statement-changes-requested': template(statementChangesRequested),
  'statement-authorised': template(statementAuthorised),
  'report-published': template(reportPublished),
  'account-invitation': template(accountInvitation),
  test: template(test),
}

export type MailKind = keyof typeof mailTemplates

/** The props of one kind; for the union of kinds, the union of their props. */
export type MailProps<K extends MailKind> = K extends MailKind
  ? (typeof mailTemplates)[K] extends MailTemplate<infer P>
    ? P
    : never
  : never

export const mailKinds = Object.keys(mailTemplates) as MailKind[]

export function isMailKind(value: string): value is MailKind {
  return Object.hasOwn(mailTemplates, value)
}

// Headings stay as written (html-to-text shouts them in capitals by default).
// No hard wrapping: mail clients wrap plain text themselves, and a merged mail (tokens filled in later) must
// come out exactly as if it had been rendered for that person.
const htmlToTextOptions = {
  wordwrap: false as const,
  selectors: ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } })),
}

/** One line, without CR/LF or runs of white space: a subject must never be able to add a header. */
export function cleanSubject(subject: string) {
  return subject.replace(/\s+/g, ' ').trim()
}

export async function renderMail<K extends MailKind>(
  kind: K,
  props: MailProps<K>,
): Promise<{ subject: string; html: string; text: string }> {
  // TypeScript cannot follow K from the key to the value type; the registry's type guarantees the match.
  const mail = mailTemplates[kind] as unknown as MailTemplate<MailProps<K>>
  const element = createElement(mail.Component as FunctionComponent<object>, props as object)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions })])
  // Layout tables leave runs of empty lines in the text version; one blank line between blocks is enough.
  return { subject: cleanSubject(mail.subject(props)), html, text: text.replace(/\n{3,}/g, '\n\n').trim() }
}
