// Previews of every mail kind with its sample data, for the secretariat.
import { isMailKind, mailKinds, mailTemplates, renderMail, type MailKind, type MailProps } from '../../emails'

export function listPreviewKinds(): MailKind[] {
  return mailKinds
}

export function previewKind(kind: string): kind is MailKind {
  return isMailKind(kind)
}

export function renderPreview(kind: MailKind, lang: 'nl' | 'en') {
  return renderMail(kind, mailTemplates[kind].sample(lang) as MailProps<typeof kind>)
}
