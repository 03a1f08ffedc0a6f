// How long bijeen keeps each kind of personal data (AVG art. 5(1)(e)): the one place to change it. The daily
// purge (app/models/retention.server.ts) and the privacy statement (/privacy) both read these numbers, so what
// the statement promises is what the purge does. Checked by Zod when the module loads: a typo fails the start.
import { z } from 'zod'

const days = z.number().int().min(1).max(36_500)

export const retentionSchema = z
  .object({
    /** Dietary and accessibility needs: deleted this many days after the event ended. */
    needsDaysAfterEvent: days,
    /** Registrations: name, e-mail, function and answers blanked this many months after the event; the counts
     * per organisation and sector (what reports show) stay. */
    registrationMonthsAfterEvent: z.number().int().min(1).max(600),
    /** The bodies of sent or failed mails (and the dev mailbox's copies): deleted this many days after the mail
     * was written. The row stays as evidence that a mail went out. */
    mailBodyDays: days,
    /** Audit entries: deleted this many days after they were written. */
    auditDays: days,
    /** Uploaded contact files (import jobs): deleted this many days after the upload. */
    importJobDays: days,
    /** Personal links: deleted this many days after they expired or were revoked (until then the link says
     * "expired" instead of "unknown"). */
    expiredLinkDays: days,
    /** Staff sessions and trusted devices: deleted this many days after they expired or ended. */
    expiredSessionDays: days,
    /** Speaker photos no speaker uses any more (replaced, or the speaker was deleted): removed from disk once the
     * file is this many hours old (an upload being saved right now is not touched). */
    orphanPhotoHours: z.number().int().min(1).max(8760),
  })
  .strict()

export type RetentionConfig = z.infer<typeof retentionSchema>

export const retentionDefaults: RetentionConfig = {
  needsDaysAfterEvent: 30,
  registrationMonthsAfterEvent: 12,
  mailBodyDays: 90,
  auditDays: 730,
  importJobDays: 30,
  expiredLinkDays: 30,
  expiredSessionDays: 7,
  orphanPhotoHours: 24,
}

export const retention: RetentionConfig = retentionSchema.parse(retentionDefaults)
