import { describe, expect, test } from 'vitest'
import { mailKinds, mailTemplates, renderMail, type EventSummary, type MailKind, type MailProps } from '../../emails'

const langs = ['nl', 'en'] as const

// The link each mail exists for: the action the recipient takes, or the event page where there is none.
const keyLinks: { [K in MailKind]: (props: MailProps<K>) => string | null } = {
  invitation: (p) => p.registerUrl,
  reminder: (p) => p.registerUrl,
  'registration-confirmed': (p) => p.manageUrl,
  'registration-waitlisted': (p) => p.manageUrl,
  'registration-promoted': (p) => p.manageUrl,
  'registration-awaiting-approval': (p) => p.manageUrl,
  'registration-rejected': (p) => p.event.url,
  'registration-cancelled': (p) => p.event.url,
  'registration-link': (p) => p.manageUrl,
  'event-changed': (p) => p.manageUrl ?? p.event.url,
  'event-cancelled': (p) => p.event.url,
  'speaker-invited': (p) => p.portalUrl,
  'speaker-notice': (p) => p.adminUrl,
  'speaker-briefing': (p) => p.event.url,
  'statement-requested': (p) => p.portalUrl,
  'statement-needs-authorisation': (p) => p.portalUrl,
  'statement-changes-requested': (p) => p.portalUrl,
  'speaker-slot-update': (p) => p.portalUrl ?? null,
  'statement-authorised': (p) => p.event.url,
  'report-published': (p) => p.reportUrl,
  'account-invitation': (p) => p.acceptUrl,
  test: () => null,
}

function keyLink<K extends MailKind>(kind: K, props: MailProps<K>) {
  return (keyLinks[kind] as (props: MailProps<K>) => string | null)(props)
}

function sample<K extends MailKind>(kind: K, lang: 'nl' | 'en') {
  return (mailTemplates[kind].sample as (lang: 'nl' | 'en') => MailProps<K>)(lang)
}

function eventOf(props: object): EventSummary | null {
  return 'event' in props ? (props.event as EventSummary) : null
}

/** Undoes React's escaping of text, to compare what a reader sees. */
function decode(html: string) {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The mail's own wording: the text without links and without anything that came in through the props. */
function ownWords(text: string, props: object) {
  const values: string[] = []
  const collect = (value: unknown) => {
    if (typeof value === 'string') values.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  collect(props)
  let rest = text.replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ')
  for (const value of values.sort((a, b) => b.length - a.length)) {
    for (const part of value.split(/\n+/)) if (part.trim().length > 2) rest = rest.split(part.trim()).join(' ')
  }
  return rest
}

const englishWords =
  /\b(the|you|your|please|dear|kind regards|register|cancel|event|email|calendar|attached|link to)\b/i
const dutchWords = /\b(u|uw|wij|de|het|een|beste|geachte|groet|bijeenkomst|aanmelding|agenda|bijlage|verstuurd)\b/i

test('the registry holds every kind', () => {
  expect([...mailKinds].sort()).toEqual(
    [
      'account-invitation',
      'event-cancelled',
      'event-changed',
      'invitation',
      'registration-awaiting-approval',
      'registration-cancelled',
      'registration-confirmed',
      'registration-link',
      'registration-promoted',
      'registration-rejected',
      'registration-waitlisted',
      'reminder',
      'report-published',
      'speaker-briefing',
      'speaker-invited',
      'speaker-notice',
      'speaker-slot-update',
      'statement-authorised',
      'statement-changes-requested',
      'statement-needs-authorisation',
      'statement-requested',
      'test',
    ].sort(),
  )
})

describe.each(mailKinds)('%s', (kind) => {
  test('subject is localised and a single line', async () => {
    const nl = await renderMail(kind, sample(kind, 'nl'))
    const en = await renderMail(kind, sample(kind, 'en'))
    expect(nl.subject.length).toBeGreaterThan(5)
    expect(en.subject.length).toBeGreaterThan(5)
    expect(nl.subject).not.toBe(en.subject)
    expect(nl.subject).not.toMatch(/[\r\n]/)
  })

  test.each(langs)('renders HTML and text in %s', async (lang) => {
    const props = sample(kind, lang)
    const { html, text } = await renderMail(kind, props)
    expect(html).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`))
    expect(text.trim().length).toBeGreaterThan(100)
    // The sender and the reason are in every mail.
    expect(text).toContain(props.programmeName)
    expect(text).toMatch(lang === 'nl' ? /U ontvangt deze e-mail omdat/ : /You are receiving this email because/)
    const event = eventOf(props)
    if (event) {
      expect(text).toContain(event.title)
      expect(decode(html)).toContain(event.title)
    }
    const link = keyLink(kind, props)
    if (link) {
      expect(text).toContain(link)
      expect(html).toContain(`href="${link}"`)
      // Written out as a plain link too, not only behind a button.
      expect(html).toContain(`>${link}</a>`)
    }
  })

  test.each(langs)('escapes names and titles in HTML (%s)', async (lang) => {
    const evil = '<script>alert(1)</script>'
    const props = { ...sample(kind, lang) } as Record<string, unknown>
    for (const key of ['recipientName', 'speakerName', 'delegateName', 'invitedByName']) {
      if (key in props) props[key] = `Jan ${evil}`
    }
    const event = eventOf(props)
    if (event) props.event = { ...event, title: `Titel ${evil}` }
    const { html, text } = await renderMail(kind, props as MailProps<typeof kind>)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain(`Jan ${evil}`)
  })

  test('no line breaks reach the subject', async () => {
    const props = { ...sample(kind, 'nl') } as Record<string, unknown>
    props.programmeName = 'Samen\r\nBcc: iemand@example.org'
    const event = eventOf(props)
    if (event) props.event = { ...event, title: 'Start\r\nBcc: iemand@example.org' }
    const { subject } = await renderMail(kind, props as MailProps<typeof kind>)
    expect(subject).not.toMatch(/[\r\n]/)
  })

  test('Dutch mails use no English words, and English mails no Dutch ones', async () => {
    const nlProps = sample(kind, 'nl')
    const enProps = sample(kind, 'en')
    const nl = await renderMail(kind, nlProps)
    const en = await renderMail(kind, enProps)
    expect(ownWords(nl.text, nlProps)).not.toMatch(englishWords)
    expect(ownWords(en.text, enProps)).not.toMatch(dutchWords)
  })
})

describe('the word checks can fail', () => {
  test('they catch a leak', () => {
    expect(ownWords('Beste Petra, please register.', { name: 'Petra' })).toMatch(englishWords)
    expect(ownWords('Dear Petra, uw aanmelding.', { name: 'Petra' })).toMatch(dutchWords)
  })
})

describe('Dutch conventions', () => {
  test('invitation: subject, period and deadline', async () => {
    const nl = await renderMail('invitation', sample('invitation', 'nl'))
    expect(nl.subject).toBe('Uitnodiging: Formele start Samen tegen mensenhandel op 4 december 2026')
    expect(nl.text).toContain('vrijdag 4 december 2026, 14.00–17.00 uur')
    expect(nl.text).toContain('Turfmarkt 147')
    expect(nl.text).toContain('2511 DP Den Haag')
    expect(nl.text).toContain('20 november 2026, 17.00 uur')
    expect(nl.text).toContain('Nationale Politie')
    // An invitee does not get the online link before registering.
    expect(nl.text).not.toContain('https://meet.example.org')
    const en = await renderMail('invitation', sample('invitation', 'en'))
    expect(en.subject).toBe('Invitation: Formele start Samen tegen mensenhandel on 4 December 2026')
    expect(en.text).toContain('Friday 4 December 2026, 14:00–17:00')
  })

  test('roles are named in the language of the mail', async () => {
    const host = {
      ...sample('speaker-invited', 'nl'),
      slot: { ...sample('speaker-invited', 'nl').slot, role: 'host' as const },
    }
    const nl = await renderMail('speaker-invited', host)
    expect(nl.subject).toContain('gastheer/gastvrouw')
    expect(nl.text).toContain('Rol: gastheer/gastvrouw')
    const panel = await renderMail('speaker-invited', sample('speaker-invited', 'nl'))
    expect(panel.text).toContain('Rol: panellid')
    expect(panel.text).toContain('14.30–15.30 uur')
    const admin = await renderMail('account-invitation', { ...sample('account-invitation', 'nl'), role: 'admin' })
    expect(admin.text).toContain('Uw rol is beheerder.')
    const viewer = await renderMail('account-invitation', { ...sample('account-invitation', 'en'), role: 'viewer' })
    expect(viewer.text).toContain('Your role is viewer.')
  })
})

describe('registrations', () => {
  test('confirmation carries the QR code, the online link, the calendar note and accessibility needs', async () => {
    const props = sample('registration-confirmed', 'nl')
    const { html, text } = await renderMail('registration-confirmed', props)
    expect(html).toMatch(/<img[^>]+alt="QR-code [^"]+"/)
    expect(decode(html)).toContain(`src="${props.qrCodeSrc}"`)
    expect(text).toContain('https://meet.example.org/formele-start-samen-tegen-mensenhandel')
    expect(text).toContain('agenda-uitnodiging')
    expect(text).toContain(props.accessibility)

    const without = await renderMail('registration-confirmed', { ...props, accessibility: undefined })
    expect(without.text).not.toContain('Toegankelijkheid')
    const cid = await renderMail('registration-confirmed', { ...props, qrCodeSrc: 'cid:qr@bijeen' })
    expect(cid.html).toContain('src="cid:qr@bijeen"')
  })

  test('promotion confirms with the same essentials', async () => {
    const { html, text } = await renderMail('registration-promoted', sample('registration-promoted', 'en'))
    expect(html).toMatch(/<img[^>]+alt="QR code [^"]+"/)
    expect(text).toContain('A calendar invitation is attached')
    expect(text).toContain('your registration is confirmed')
  })

  test('the waitlist position is shown', async () => {
    const { text } = await renderMail('registration-waitlisted', {
      ...sample('registration-waitlisted', 'nl'),
      position: 7,
    })
    expect(text).toContain('U staat op plaats 7 van de wachtlijst.')
  })

  test('cancellation says who cancelled', async () => {
    const self = await renderMail('registration-cancelled', sample('registration-cancelled', 'nl'))
    const secretariat = await renderMail('registration-cancelled', {
      ...sample('registration-cancelled', 'nl'),
      cancelledBy: 'secretariat',
    })
    expect(self.text).toContain('U hebt uw aanmelding')
    expect(secretariat.text).toContain('Het secretariaat heeft uw aanmelding')
  })

  test('a rejection shows the reason only when there is one', async () => {
    const props = sample('registration-rejected', 'nl')
    const withReason = await renderMail('registration-rejected', props)
    expect(withReason.text).toContain(props.reason)
    const without = await renderMail('registration-rejected', { ...props, reason: undefined })
    expect(without.text).not.toContain('toelichting')
  })
})

describe('event changes', () => {
  test('every change is listed with old and new value', async () => {
    const { text } = await renderMail('event-changed', sample('event-changed', 'nl'))
    expect(text).toContain('Tijd\nOud: 14.00–17.00 uur\nNieuw: 15.00–18.00 uur')
    expect(text).toContain('bijgewerkte agenda-afspraak')
  })

  test('a cancelled event passes on the message of the secretariat', async () => {
    const props = sample('event-cancelled', 'nl')
    const { text } = await renderMail('event-cancelled', props)
    for (const paragraph of props.message!.split('\n\n')) expect(text).toContain(paragraph)
    expect(text).toContain('annulering voor uw agenda')
  })
})

describe('speakers and quotes', () => {
  const quote =
    'Wij zeggen: “samen” & <niet> alleen — ’t is 100% "waar".\nTweede regel.\n\nEen tweede alinea, met \'enkele\' aanhalingstekens.'

  test.each(['statement-needs-authorisation', 'statement-authorised'] as const)(
    '%s shows the quote exactly',
    async (kind) => {
      for (const lang of langs) {
        const { html, text } = await renderMail(kind, { ...sample(kind, lang), text: quote })
        expect(text).toContain(quote)
        for (const paragraph of quote.split('\n\n')) {
          expect(decode(html.replace(/<br\s*\/?>/g, '\n'))).toContain(paragraph)
        }
        expect(html).not.toContain('<niet>')
      }
    },
  )

  test('the seeded quote of staatssecretaris Harbers survives unchanged', async () => {
    const props = sample('statement-authorised', 'nl')
    const { text } = await renderMail('statement-authorised', props)
    expect(text).toContain(props.text)
    expect(text).toContain('Geautoriseerd: Staatssecretaris Harbers')
  })

  test('a delegate is addressed and acts on behalf of the speaker', async () => {
    const base = sample('speaker-invited', 'nl')
    const toSpeaker = await renderMail('speaker-invited', base)
    expect(toSpeaker.text).toContain(`Geachte ${base.speakerName},`)
    expect(toSpeaker.text).not.toContain('namens')

    const toDelegate = await renderMail('speaker-invited', { ...base, delegateName: 'Marieke de Boer' })
    expect(toDelegate.text).toContain('Geachte Marieke de Boer,')
    expect(toDelegate.text).toContain(`namens ${base.speakerName}`)

    const en = await renderMail('statement-requested', {
      ...sample('statement-requested', 'en'),
      delegateName: 'Tom Jones',
    })
    expect(en.text).toContain('Dear Tom Jones,')
    expect(en.text).toContain('on behalf of Herman Bolhaar')
  })

  test('the deadline for a statement is a Dutch date', async () => {
    const { text } = await renderMail('statement-requested', sample('statement-requested', 'nl'))
    expect(text).toContain('uiterlijk 11 december 2026, 17.00 uur')
  })
})

test('a report summary keeps its paragraphs', async () => {
  const props = { ...sample('report-published', 'nl'), summary: 'Eerste alinea.\n\nTweede alinea.\r\n\r\nDerde.' }
  const { html, text } = await renderMail('report-published', props)
  expect(text).toContain('Eerste alinea.\n\nTweede alinea.\n\nDerde.')
  expect(html.match(/<p[^>]*>(Eerste alinea\.|Tweede alinea\.|Derde\.)<\/p>/g)).toHaveLength(3)
})
