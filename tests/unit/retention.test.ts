// The retention rules without a database: cutoffs from the configuration and a clock, which photo files go,
// and what an erasure does to a published report's snapshot.
import { describe, expect, test } from 'vitest'
import { retentionDefaults, retentionSchema } from '~/config/retention'
import type { ReportSnapshot } from '~/domain/report'
import {
  eraseSpeakerFromSnapshot,
  orphanPhotoFiles,
  purgeDay,
  retentionCutoffs,
  speakerQuotesInSnapshot,
} from '~/domain/retention'

const now = new Date('2027-03-31T10:00:00Z')

describe('the configuration', () => {
  test('the defaults are what the privacy statement promises', () => {
    expect(retentionDefaults).toMatchObject({
      needsDaysAfterEvent: 30,
      registrationMonthsAfterEvent: 12,
      mailBodyDays: 90,
      auditDays: 730,
    })
  })

  test('a typo or a nonsensical period is refused', () => {
    expect(retentionSchema.safeParse({ ...retentionDefaults, mailBodyDays: 0 }).success).toBe(false)
    expect(retentionSchema.safeParse({ ...retentionDefaults, needsDaysAfterEvent: 1.5 }).success).toBe(false)
    expect(retentionSchema.safeParse({ ...retentionDefaults, mailBodyDay: 90 }).success).toBe(false)
  })
})

describe('cutoffs', () => {
  test('days count back 24 hours each, months on the calendar', () => {
    const c = retentionCutoffs(retentionDefaults, now)
    expect(c.needsEventEndedBefore.toISOString()).toBe('2027-03-01T10:00:00.000Z')
    expect(c.registrationsEventEndedBefore.toISOString()).toBe('2026-03-31T10:00:00.000Z')
    expect(c.mailCreatedBefore.toISOString()).toBe('2026-12-31T10:00:00.000Z')
    expect(c.auditBefore.toISOString()).toBe('2025-03-31T10:00:00.000Z')
    expect(c.rateLimitsResetBefore).toEqual(now)
    expect(c.photoFilesWrittenBefore.toISOString()).toBe('2027-03-30T10:00:00.000Z')
  })

  test('a month back from the 31st lands on the last day of the shorter month', () => {
    const c = retentionCutoffs({ ...retentionDefaults, registrationMonthsAfterEvent: 1 }, now)
    expect(c.registrationsEventEndedBefore.toISOString()).toBe('2027-02-28T10:00:00.000Z')
  })

  test('the day of a daily run is the UTC date', () => {
    expect(purgeDay(new Date('2027-01-01T23:30:00Z'))).toBe('2027-01-01')
  })
})

describe('unused photos', () => {
  const old = new Date('2027-03-01T00:00:00Z')
  const fresh = new Date('2027-03-31T09:00:00Z')
  test('only our own file names, not in use, written before the cutoff', () => {
    const files = [
      { name: `${'a'.repeat(32)}.jpg`, writtenAt: old }, // in use
      { name: `${'b'.repeat(32)}.jpg`, writtenAt: old }, // goes
      { name: `${'c'.repeat(32)}.jpg`, writtenAt: fresh }, // an upload being saved
      { name: `.${'d'.repeat(32)}.jpg.0a1b.tmp`, writtenAt: old }, // someone's temporary file
      { name: 'notes.txt', writtenAt: old },
    ]
    expect(
      orphanPhotoFiles(files, new Set([`speakers/${'a'.repeat(32)}.jpg`]), new Date('2027-03-30T10:00:00Z')),
    ).toEqual([`${'b'.repeat(32)}.jpg`])
  })
})

describe('erasure in a published snapshot', () => {
  const person = (speakerId: string, name: string) => ({
    speakerId,
    name,
    function: '',
    organisation: null,
    ministry: null,
  })
  const snapshot: ReportSnapshot = {
    version: 1,
    publishedAt: '2026-12-05T10:00:00.000Z',
    title: 'Verslag',
    lead: 'Lead',
    en: null,
    event: {
      slug: 's',
      title: 'T',
      startsAt: '2026-12-04T13:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      venueName: '',
      venueCity: '',
    },
    entries: [
      {
        type: 'block',
        block: {
          id: 'opening',
          kind: 'opening',
          item: null,
          people: [person('sp1', 'Harbers'), person('sp2', 'Bolhaar')],
        },
      },
      {
        type: 'block',
        block: {
          id: 'panel',
          kind: 'panel',
          panels: [{ title: 'P', members: [person('sp1', 'Harbers')], moderators: [person('sp3', 'M')] }],
        },
      },
      quote('st1', 'sp1', 'Eerste citaat'),
      quote('st2', 'sp1', 'Tweede citaat'),
      quote('st3', 'sp2', 'Ander citaat'),
      { type: 'paragraph', id: 'p1', text: 'Eigen tekst', textEn: '' },
    ],
  }
  function quote(statementId: string, speakerId: string, text: string) {
    return {
      type: 'block' as const,
      block: {
        id: `quote:${statementId}` as const,
        kind: 'quote' as const,
        statementId,
        versionId: `v-${statementId}`,
        text,
        language: 'nl' as const,
        attribution: speakerId,
        speakerId,
        agendaItemTitle: null,
      },
    }
  }

  test('lists the speaker’s quotes for a decision', () => {
    expect(speakerQuotesInSnapshot(snapshot, 'sp1').map((q) => q.statementId)).toEqual(['st1', 'st2'])
  })

  test('the name leaves the lists; a quote to remove goes, a quote to keep stays exactly as it was', () => {
    const { snapshot: out, changed } = eraseSpeakerFromSnapshot(snapshot, 'sp1', new Set(['st2']))
    expect(changed).toBe(true)
    expect(JSON.stringify(out)).not.toContain('Harbers')
    expect(speakerQuotesInSnapshot(out, 'sp1')).toEqual([
      { statementId: 'st1', text: 'Eerste citaat', attribution: 'sp1' },
    ])
    expect(out.entries).toHaveLength(5)
    expect(out.entries[5 - 1]).toEqual(snapshot.entries[5])
    expect(JSON.stringify(out)).toContain('Bolhaar')
  })

  test('a version without the speaker is reported unchanged', () => {
    expect(eraseSpeakerFromSnapshot(snapshot, 'nobody', new Set()).changed).toBe(false)
  })
})
