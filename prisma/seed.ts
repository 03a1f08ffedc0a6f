// The model event: "Formele start Samen tegen mensenhandel", on the next 4 December in Den Haag
// (the news item, copied in tests/fixtures/formele-start-samen-tegen-mensenhandel.txt). Runs once: an existing programme is
// left alone. `npm run db:seed`.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { nextOccurrence } from '~/domain/event-dates'
import { createDb, type Db } from '~/utils/db.server'
import { enrolWithSecret } from '~/models/two-factor.server'
import {
  addParticipation,
  at,
  createActionLine,
  createAgendaItem,
  createContact,
  createEvent,
  createOrganisation,
  createProgramme,
  createSpeaker,
  createStatement,
  createUser,
} from '../tests/factories.ts'

export const PROGRAMME_SLUG = 'samen-tegen-mensenhandel'
export const EVENT_SLUG = 'formele-start-samen-tegen-mensenhandel'

// The quotes of the article, verbatim, with the attribution the article gives each speaker.
export const articleQuotes = {
  harbers:
    'In welke verschijningsvorm dan ook: mensenhandel is een afschuwelijk delict, dat op grove wijze inbreuk maakt op een van de meest fundamentele mensenrechten: de individuele vrijheid. Voor de slachtoffers kunnen de gevolgen bijzonder traumatisch zijn; mensen zijn soms voor hun leven getekend.',
  vanArk: 'Arbeidsuitbuiting tast niet alleen het inkomen van iemand aan, maar ook de menselijke waardigheid.',
  blokhuis:
    'we investeren extra in het verbeteren van signalering en in extra opvang, voor slachtoffers van uitbuiting die te maken hebben met een lichte verstandelijke beperking, verslaving of psychische problemen.',
  tazelaar:
    'Wereldwijd lopen mensen in kwetsbare posities, zoals migranten en vluchtelingen, het risico slachtoffer te worden van mensenhandel. Nederland zet daarom in herkomst- en doorreislanden in op preventie, grensoverschrijdende (justitiële) samenwerking en de bescherming van slachtoffers. We proberen Afrikaanse landen zelf in staat te stellen deze gruwelijke misdaden aan te pakken.',
}

export async function seed(
  db: Db,
  options: {
    adminEmail: string
    adminPassword: string
    /**
     * The admin's authenticator secret (base32), as if they had enrolled: tests sign in with codes computed from
     * it. Without it (the quickstart) the admin sets up 2FA right after the first sign-in, as 2FA is required
     * for admin.
     */
    adminTotpSecret?: string
    now?: Date
  },
) {
  const existing = await db.programme.findUnique({ where: { slug: PROGRAMME_SLUG } })
  if (existing) return { created: false as const }

  const { user: admin } = await createUser(db, {
    email: options.adminEmail,
    password: options.adminPassword,
    name: 'Beheerder secretariaat',
    role: 'admin',
  })
  if (options.adminTotpSecret) await enrolWithSecret(admin.id, options.adminTotpSecret, db)

  const programme = await createProgramme(db, {
    slug: PROGRAMME_SLUG,
    name: 'Samen tegen mensenhandel',
    nameEn: 'Together against human trafficking',
    description:
      'Het programma Samen tegen mensenhandel betreft een integrale aanpak van verschillende vormen van uitbuiting. Gezamenlijk met een groot aantal actoren uit verschillende domeinen wordt er ingezet op de bestrijding en voorkoming van mensenhandel en ondersteuning van slachtoffers.',
    descriptionEn:
      'The programme Together against human trafficking is an integrated approach to the different forms of exploitation. Together with many partners from different fields, it works to combat and prevent human trafficking and to support victims.',
  })

  // The five action lines, as the article names them.
  const lines = [
    ['1', 'Versterking van de basisaanpak van mensenhandel', 'Strengthening the basic approach to human trafficking'],
    ['2', 'Aanpak van arbeidsuitbuiting', 'Tackling labour exploitation'],
    ['3', 'Voorkomen van slachtofferschap en daderschap', 'Preventing victimisation and perpetration'],
    [
      '4',
      'Versterken van de gemeentelijke aanpak van mensenhandel',
      'Strengthening the municipal approach to human trafficking',
    ],
    ['5', 'Delen van kennis en informatie', 'Sharing knowledge and information'],
  ] as const
  const actionLines = []
  for (const [index, [code, title, titleEn]] of lines.entries()) {
    actionLines.push(await createActionLine(db, programme.id, { code, title, titleEn, order: index }))
  }

  const ministry = (name: string, shortName: string) =>
    createOrganisation(db, { name, shortName, sector: 'rijksoverheid' })
  const jenv = await ministry('Ministerie van Justitie en Veiligheid', 'JenV')
  const vws = await ministry('Ministerie van Volksgezondheid, Welzijn en Sport', 'VWS')
  const szw = await ministry('Ministerie van Sociale Zaken en Werkgelegenheid', 'SZW')
  const bz = await ministry('Ministerie van Buitenlandse Zaken', 'BZ')
  const rapporteur = await createOrganisation(db, {
    name: 'Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen',
    shortName: 'Nationaal Rapporteur',
    sector: 'rijksoverheid',
  })

  const date = nextOccurrence(12, 4, options.now ?? new Date())
  const event = await createEvent(db, programme.id, {
    slug: EVENT_SLUG,
    title: 'Formele start Samen tegen mensenhandel',
    subtitle: 'Startbijeenkomst van het programma met partners uit de praktijk',
    description: [
      'Het programma Samen tegen mensenhandel start formeel. Staatssecretaris Harbers opent de bijeenkomst.',
      'In een panel lichten de bewindspersonen van Justitie en Veiligheid, VWS, SZW en Buitenlandse Zaken de inzet op hun werkterrein toe. De Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen geeft een reactie.',
      'Het programma is tot stand gekomen in samenwerking met een groot aantal partners. Professionals uit de praktijk zijn van harte welkom.',
    ].join('\n\n'),
    date,
    startTime: '14:00',
    endTime: '17:00',
    venueName: 'Ministerie van Justitie en Veiligheid',
    venueAddress: 'Turfmarkt 147',
    venuePostcode: '2511 DP',
    venueCity: 'Den Haag',
    latitude: 52.0786,
    longitude: 4.3164,
    capacity: 150,
    status: 'published',
    visibility: 'invite_only',
    language: 'nl',
    registrationClosesAt: at(date, '12:00'),
    hostIds: [jenv.id, vws.id, szw.id, bz.id],
  })

  const speaker = (input: Parameters<typeof createSpeaker>[1]) =>
    createSpeaker(db, { consentPublishName: true, consentPublishQuotes: true, ...input })
  const harbers = await speaker({
    honorific: 'staatssecretaris',
    name: 'Harbers',
    function: 'staatssecretaris van Justitie en Veiligheid',
    organisationId: jenv.id,
    attribution: 'Staatssecretaris Harbers van het ministerie van Justitie en Veiligheid',
    email: 'harbers@example.org',
    delegateName: 'Privé-secretariaat staatssecretaris JenV',
    delegateEmail: 'ps-jenv@example.org',
    photoCredit: 'Robert Huiberts',
  })
  const blokhuis = await speaker({
    honorific: 'staatssecretaris',
    name: 'Blokhuis',
    function: 'staatssecretaris van Volksgezondheid, Welzijn en Sport',
    organisationId: vws.id,
    attribution: 'Staatssecretaris Blokhuis van het ministerie van Volksgezondheid, Welzijn en Sport',
    email: 'blokhuis@example.org',
  })
  const vanArk = await speaker({
    honorific: 'staatssecretaris',
    name: 'Van Ark',
    function: 'staatssecretaris van Sociale Zaken en Werkgelegenheid',
    organisationId: szw.id,
    // Without a first name before it, the "van" of a surname is written with a capital: "Staatssecretaris Van
    // Ark" (the article has "van Ark" there).
    attribution: 'Staatssecretaris Van Ark van het ministerie van Sociale Zaken en Werkgelegenheid',
    email: 'vanark@example.org',
  })
  const tazelaar = await speaker({
    honorific: '',
    name: 'Tazelaar',
    function: 'plaatsvervangend directeur-generaal Buitenlandse Zaken',
    organisationId: bz.id,
    attribution: 'Plaatsvervangend Directeur-Generaal Tazelaar van het ministerie van Buitenlandse Zaken',
    email: 'tazelaar@example.org',
  })
  const bolhaar = await speaker({
    honorific: '',
    name: 'Herman Bolhaar',
    function: 'Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen',
    organisationId: rapporteur.id,
    attribution: 'Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen Bolhaar',
    email: 'bolhaar@example.org',
  })

  const item = (input: Omit<Parameters<typeof createAgendaItem>[2], 'date'>) =>
    createAgendaItem(db, event, { date, room: 'Grote zaal', ...input })
  const opening = await item({
    kind: 'opening',
    start: '14:00',
    end: '14:20',
    order: 0,
    title: 'Opening door staatssecretaris Harbers',
    description:
      'De staatssecretaris van Justitie en Veiligheid opent de bijeenkomst en staat stil bij de schade die mensenhandel aanricht.',
  })
  const panel = await item({
    kind: 'panel',
    start: '14:30',
    end: '15:30',
    order: 1,
    title: 'Panel: de inzet van de ministeries',
    description: 'De bewindspersonen lichten de inzet op hun werkterrein toe.',
    actionLineIds: actionLines.map((l) => l.id),
  })
  const contribution = await item({
    kind: 'keynote',
    start: '15:30',
    end: '16:00',
    order: 2,
    title: 'Bijdrage van de Nationaal Rapporteur',
    description:
      'Herman Bolhaar vraagt aandacht voor de rol van onderwijs en het idee van een mensenhandelvrije gemeente.',
    actionLineIds: [actionLines[2]!.id, actionLines[3]!.id],
  })
  await item({
    kind: 'networking',
    start: '16:00',
    end: '17:00',
    order: 3,
    room: 'Foyer',
    title: 'Netwerkborrel',
    description: 'Ontmoet de partners van het programma.',
  })

  await addParticipation(db, { agendaItemId: opening.id, speakerId: harbers.id, role: 'speaker', confirmed: true })
  for (const [order, s] of [harbers, blokhuis, vanArk, tazelaar].entries()) {
    await addParticipation(db, { agendaItemId: panel.id, speakerId: s.id, role: 'panelist', order, confirmed: true })
  }
  await addParticipation(db, { agendaItemId: contribution.id, speakerId: bolhaar.id, role: 'speaker', confirmed: true })

  // The article's quotes, authorised by the speakers. The Nationaal Rapporteur's is still requested:
  // the article announces it but does not give it.
  await createStatement(db, {
    eventId: event.id,
    speakerId: harbers.id,
    agendaItemId: opening.id,
    text: articleQuotes.harbers,
    authorisedBy: 'speaker',
    order: 0,
  })
  await createStatement(db, {
    eventId: event.id,
    speakerId: vanArk.id,
    agendaItemId: panel.id,
    text: articleQuotes.vanArk,
    authorisedBy: 'speaker',
    order: 1,
  })
  await createStatement(db, {
    eventId: event.id,
    speakerId: blokhuis.id,
    agendaItemId: panel.id,
    text: articleQuotes.blokhuis,
    authorisedBy: 'speaker',
    order: 2,
  })
  await createStatement(db, {
    eventId: event.id,
    speakerId: tazelaar.id,
    agendaItemId: panel.id,
    text: articleQuotes.tazelaar,
    authorisedBy: 'speaker',
    order: 3,
  })
  await createStatement(db, { eventId: event.id, speakerId: bolhaar.id, agendaItemId: contribution.id, order: 4 })

  // Partner organisations and contacts (example.org addresses only).
  const partners = [
    {
      name: 'Gemeente Utrecht',
      sector: 'gemeente',
      seatQuota: 4,
      contacts: [['Sanne de Vries', 'beleidsadviseur zorg en veiligheid']],
    },
    {
      name: 'Gemeente Rotterdam',
      sector: 'gemeente',
      seatQuota: 4,
      contacts: [['Mohamed el Amrani', 'programmamanager mensenhandel']],
    },
    { name: 'Nationale Politie', sector: 'politie_om', seatQuota: 3, contacts: [['Petra Jansen', 'teamleider AVIM']] },
    {
      name: 'Openbaar Ministerie',
      sector: 'politie_om',
      seatQuota: 3,
      contacts: [['Johan Bakker', 'officier van justitie mensenhandel']],
    },
    { name: 'CoMensha', sector: 'ngo', seatQuota: 2, contacts: [['Lotte Visser', 'coördinator slachtofferzorg']] },
    {
      name: 'Nederlandse Arbeidsinspectie',
      sector: 'rijksoverheid',
      seatQuota: 3,
      contacts: [['Ahmet Yılmaz', 'inspecteur arbeidsuitbuiting']],
    },
    {
      name: 'Hogeschool Leiden',
      sector: 'onderwijs',
      seatQuota: 2,
      contacts: [['Eva Smit', 'lector jeugd en veiligheid']],
    },
    {
      name: 'IOM Nederland',
      sector: 'internationaal',
      seatQuota: 2,
      contacts: [
        ['Daniel Okafor', 'programme officer'],
        ['Marie Dubois', 'communications officer'],
      ],
    },
  ] as const
  for (const partner of partners) {
    const organisation = await createOrganisation(db, {
      name: partner.name,
      sector: partner.sector,
      seatQuota: partner.seatQuota,
    })
    for (const [name, fn] of partner.contacts) {
      const local = name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z ]/g, '')
        .trim()
        .replace(/\s+/g, '.')
      await createContact(db, organisation.id, {
        name,
        function: fn,
        email: `${local}@example.org`,
        language: partner.sector === 'internationaal' ? 'en' : 'nl',
      })
    }
  }

  return { created: true as const, adminId: admin.id, programmeId: programme.id, eventId: event.id }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { loadDotEnv } = await import('~/server/dotenv')
  loadDotEnv()
  const url = process.env.DATABASE_URL ?? 'file:./data/bijeen.db'
  const adminEmail = process.env.ADMIN_EMAIL ?? 'admin@example.org'
  const adminPassword = process.env.ADMIN_PASSWORD ?? 'Bijeen-Beheer-2026'
  const db = createDb(url)
  try {
    const result = await seed(db, { adminEmail, adminPassword })
    console.log(
      result.created
        ? 'Seeded the 4 December event and the admin account.'
        : 'Seed data already present: nothing changed.',
    )
  } finally {
    await db.$disconnect()
  }
}
