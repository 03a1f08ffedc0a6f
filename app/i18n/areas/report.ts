// Het verslag na een bijeenkomst: samenstellen (beheer), publiceren, de openbare pagina en de exports.
// Dutch is the source; English must have the same keys.
type BlockKind = 'opening' | 'panel' | 'quote' | 'actionLines' | 'attendance' | 'photoCredits' | 'links'
type WithoutQuote = 'not-authorised' | 'withdrawn' | 'no-statement'

const nlNumber = (n: number) => n.toLocaleString('nl-NL')
const enNumber = (n: number) => n.toLocaleString('en-GB')

export const reportNl = {
  navLink: 'Verslag',
  title: (event: string) => `Verslag: ${event}`,
  back: 'Terug naar de bijeenkomst',
  intro:
    'Het verslag wordt samengesteld uit de gegevens van de bijeenkomst. Alleen geautoriseerde citaten komen erin, precies zoals de spreker ze heeft goedgekeurd. Pas de tekst aan, zet de onderdelen in de volgorde die u wilt, en publiceer.',
  viewOnly: 'U kunt het verslag bekijken, maar niet wijzigen of publiceren. Daarvoor is de rol organisator nodig.',
  notSaved: 'Dit is een voorstel: er is nog niets opgeslagen.',
  saved: 'Het concept is opgeslagen.',
  published: (version: number) => `Versie ${version} is gepubliceerd.`,
  text: {
    heading: 'Titel en inleiding',
    title: 'Titel',
    lead: 'Inleiding',
    leadHint: 'Een of twee zinnen die samenvatten wat er gebeurde. Er staat een voorstel klaar.',
    english: 'Engelse versie (niet verplicht)',
    englishHint:
      'Vult u een Engelse titel én inleiding in, dan verschijnt er een Engelse versie naast de Nederlandse. Citaten blijven in de taal waarin ze zijn geautoriseerd.',
    titleEn: 'Titel in het Engels',
    leadEn: 'Inleiding in het Engels',
    visibility: 'Wie mag het verslag lezen?',
    visibilityOptions: {
      public: 'Iedereen (openbaar)',
      partners: 'Alleen genodigde partners, via hun persoonlijke link',
    },
    photoCredits: 'Fotografen',
    photoCreditsHint:
      'Eén naam per regel, voor foto’s van de bijeenkomst. Fotografen van gepubliceerde sprekersfoto’s staan er al bij.',
  },
  layout: {
    heading: 'Onderdelen en volgorde',
    hint: 'Elk onderdeel kunt u opnemen of weglaten en verplaatsen. Tussen de onderdelen kunt u eigen alinea’s zetten.',
    include: (label: string) => `${label} opnemen`,
    up: 'Omhoog',
    down: 'Omlaag',
    moveUp: (label: string) => `${label} omhoog`,
    moveDown: (label: string) => `${label} omlaag`,
    addParagraph: 'Alinea hieronder',
    addParagraphAfter: (label: string) => `Alinea toevoegen onder ${label}`,
    paragraph: 'Eigen alinea',
    paragraphEn: 'Dezelfde alinea in het Engels (niet verplicht)',
    remove: 'Alinea verwijderen',
    empty: 'geen gegevens',
    blocks: {
      opening: 'Opening',
      panel: 'Panel',
      quote: (speaker: string) => `Citaat van ${speaker}`,
      actionLines: 'Actielijnen',
      attendance: 'Aanwezigen',
      photoCredits: 'Beeld',
      links: 'Links',
    },
  },
  save: 'Concept opslaan',
  publish: 'Publiceren',
  publishHint:
    'Publiceren legt het verslag vast zoals het nu is. Latere wijzigingen aan sprekers, citaten of aanmeldingen veranderen een gepubliceerde versie niet; opnieuw publiceren maakt een nieuwe versie.',
  preview: 'Voorbeeld',
  warnings: {
    heading: 'Controleer voor u publiceert',
    none: 'Er ontbreekt niets.',
    speakerWithoutQuote: (speaker: string, reason: WithoutQuote) =>
      ({
        'not-authorised': `${speaker}: het citaat is nog niet geautoriseerd en komt niet in het verslag.`,
        withdrawn: `${speaker}: het citaat is ingetrokken en komt niet in het verslag.`,
        'no-statement': `${speaker}: er is geen citaat gevraagd.`,
      })[reason],
    embargoed: (speaker: string, until: string | null) =>
      until
        ? `${speaker}: het citaat valt onder embargo tot ${until} en komt er tot dan niet in.`
        : `${speaker}: het citaat valt onder embargo.`,
    missingConsent: (speaker: string, consent: 'quotes' | 'name') =>
      consent === 'quotes'
        ? `${speaker} heeft geen toestemming gegeven om citaten te publiceren.`
        : `${speaker} heeft geen toestemming gegeven om de naam te publiceren; de naam staat niet in het verslag.`,
    emptyBlock: (block: BlockKind) =>
      ({
        opening: 'Opening: er is geen opening op de agenda.',
        panel: 'Panel: er is geen panel met deelnemers op de agenda.',
        quote: 'Citaten: er is nog geen citaat dat gepubliceerd mag worden.',
        actionLines: 'Actielijnen: de agenda noemt geen actielijnen.',
        attendance: 'Aanwezigen: er zijn geen uitnodigingen of aanmeldingen.',
        photoCredits: 'Beeld: er is geen fotograaf genoemd.',
        links: 'Links: er zijn geen links.',
      })[block],
  },
  versions: {
    heading: 'Gepubliceerde versies',
    none: 'Nog niet gepubliceerd.',
    item: (version: number, at: string) => `Versie ${version}, gepubliceerd op ${at}`,
    open: (version: number) => `Versie ${version} openen`,
    latest: 'huidige versie',
    public: 'Openbare pagina',
  },
  exports: {
    heading: 'Downloaden',
    intro: (version: number) => `De gepubliceerde versie ${version} als bestand:`,
    formats: {
      html: 'HTML (om af te drukken)',
      pdf: 'PDF (A4)',
      md: 'Markdown',
      txt: 'Platte tekst (voor een website)',
      docx: 'Word (.docx)',
    },
    english: 'Engelse versie',
  },
  mail: {
    heading: 'Versturen',
    intro:
      'Stuur de gepubliceerde versie per e-mail: met de inleiding, de link naar het verslag en de pdf als bijlage, in het Engels voor wie Engels heeft gekozen (als er een Engelse versie is).',
    audience: 'Aan wie?',
    audiences: {
      attendees: 'Iedereen die aanwezig was (ingecheckt)',
      invited: 'Alle uitgenodigde partners',
      organisations: 'Gekozen organisaties (aanmeldingen en genodigden)',
    },
    organisations: 'Organisaties',
    submit: 'Verslag versturen',
    results: {
      nobody: 'Er is niemand om het verslag aan te sturen, of iedereen heeft deze versie al ontvangen.',
      'not-published': 'Publiceer het verslag eerst.',
    },
  },
  errors: {
    summary: 'Het verslag is niet opgeslagen. Verbeter het volgende:',
    title: 'Vul een titel in.',
    lead: 'Vul een inleiding in.',
    tooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
    controlCharacters: 'Deze tekst bevat tekens die niet zijn toegestaan.',
    enBoth: 'Vul voor een Engelse versie zowel de titel als de inleiding in, of laat beide leeg.',
  },
  // The report itself.
  doc: {
    headings: {
      opening: 'Opening',
      panel: 'Panel',
      actionLines: 'Actielijnen',
      attendance: 'Aanwezigen',
      links: 'Meer informatie',
    },
    openedBy: (people: string) => `Geopend door ${people}.`,
    moderator: (people: string) => `Gespreksleider: ${people}`,
    actionLine: (code: string, title: string) => `Actielijn ${code}: ${title}`,
    actionLinesIntro: 'Op de agenda kwamen deze actielijnen van het programma aan bod:',
    totals: (a: { invited: number; registered: number; checkedIn: number; noShows: number }) =>
      `${nlNumber(a.invited)} uitgenodigd, ${nlNumber(a.registered)} aangemeld, ${nlNumber(a.checkedIn)} aanwezig, ${nlNumber(a.noShows)} niet gekomen.`,
    totalsCaption: 'Aantallen',
    totalsLabels: { invited: 'Uitgenodigd', registered: 'Aangemeld', checkedIn: 'Aanwezig', noShows: 'Niet gekomen' },
    bySector: 'Aanwezigen per sector',
    byOrganisation: 'Aanwezigen per organisatie',
    columns: { sector: 'Sector', organisation: 'Organisatie', registered: 'Aangemeld', checkedIn: 'Aanwezig' },
    otherSectors: (count: number) => (count === 1 ? 'Eén andere sector' : `${count} andere sectoren`),
    otherOrganisations: (count: number) =>
      count === 1 ? 'Eén andere organisatie of zonder organisatie' : `${count} andere organisaties`,
    smallGroups: (threshold: number) =>
      `Organisaties en sectoren met minder dan ${threshold} deelnemers worden niet bij naam genoemd, zodat niemand herkenbaar is.`,
    chartTitle: 'Aanwezigen per sector (staafdiagram)',
    chartDescription: (rows: string) => `Aanwezig per sector: ${rows}. Dezelfde cijfers staan in de tabel.`,
    credits: (names: string) => `Beeld: ${names}`,
    programme: (name: string) => `Het programma ${name}`,
    nextEvents: 'Volgende bijeenkomsten',
    version: (version: number, at: string) => `Versie ${version}, gepubliceerd op ${at}.`,
    olderVersion: (version: number) =>
      `U leest versie ${version}. Er is een nieuwere versie van dit verslag gepubliceerd.`,
    latestVersion: 'Naar de huidige versie',
    history: 'Eerdere versies',
  },
}

export const reportEn: typeof reportNl = {
  navLink: 'Report',
  title: (event) => `Report: ${event}`,
  back: 'Back to the meeting',
  intro:
    'The report is composed from the meeting’s data. Only authorised quotes go in, exactly as the speaker approved them. Adjust the text, put the parts in the order you want, and publish.',
  viewOnly: 'You can view the report, but not change or publish it. That needs the organiser role.',
  notSaved: 'This is a suggestion: nothing has been saved yet.',
  saved: 'The draft has been saved.',
  published: (version) => `Version ${version} has been published.`,
  text: {
    heading: 'Title and lead',
    title: 'Title',
    lead: 'Lead',
    leadHint: 'One or two sentences that sum up what happened. A suggestion is ready.',
    english: 'English version (optional)',
    englishHint:
      'If you write an English title and lead, an English version appears beside the Dutch one. Quotes stay in the language they were authorised in.',
    titleEn: 'Title in English',
    leadEn: 'Lead in English',
    visibility: 'Who may read the report?',
    visibilityOptions: {
      public: 'Everyone (public)',
      partners: 'Only invited partners, through their personal link',
    },
    photoCredits: 'Photographers',
    photoCreditsHint:
      'One name per line, for pictures of the meeting. Photographers of published speaker photos are already included.',
  },
  layout: {
    heading: 'Parts and order',
    hint: 'You can include or leave out each part and move it. You can put your own paragraphs between the parts.',
    include: (label) => `Include ${label}`,
    up: 'Up',
    down: 'Down',
    moveUp: (label) => `${label} up`,
    moveDown: (label) => `${label} down`,
    addParagraph: 'Paragraph below',
    addParagraphAfter: (label) => `Add a paragraph below ${label}`,
    paragraph: 'Own paragraph',
    paragraphEn: 'The same paragraph in English (optional)',
    remove: 'Remove paragraph',
    empty: 'no data',
    blocks: {
      opening: 'Opening',
      panel: 'Panel',
      quote: (speaker) => `Quote by ${speaker}`,
      actionLines: 'Action lines',
      attendance: 'Attendance',
      photoCredits: 'Photos',
      links: 'Links',
    },
  },
  save: 'Save draft',
  publish: 'Publish',
  publishHint:
    'Publishing fixes the report as it is now. Later changes to speakers, quotes or registrations do not change a published version; publishing again makes a new version.',
  preview: 'Preview',
  warnings: {
    heading: 'Check before you publish',
    none: 'Nothing is missing.',
    speakerWithoutQuote: (speaker, reason) =>
      ({
        'not-authorised': `${speaker}: the quote has not been authorised yet and is left out of the report.`,
        withdrawn: `${speaker}: the quote was withdrawn and is left out of the report.`,
        'no-statement': `${speaker}: no quote has been requested.`,
      })[reason],
    embargoed: (speaker, until) =>
      until
        ? `${speaker}: the quote is under embargo until ${until} and is left out until then.`
        : `${speaker}: the quote is under embargo.`,
    missingConsent: (speaker, consent) =>
      consent === 'quotes'
        ? `${speaker} has not consented to publishing quotes.`
        : `${speaker} has not consented to publishing their name; the name is left out of the report.`,
    emptyBlock: (block) =>
      ({
        opening: 'Opening: there is no opening on the agenda.',
        panel: 'Panel: there is no panel with members on the agenda.',
        quote: 'Quotes: there is no quote that may be published yet.',
        actionLines: 'Action lines: the agenda names no action lines.',
        attendance: 'Attendance: there are no invitations or registrations.',
        photoCredits: 'Photos: no photographer is named.',
        links: 'Links: there are no links.',
      })[block],
  },
  versions: {
    heading: 'Published versions',
    none: 'Not published yet.',
    item: (version, at) => `Version ${version}, published on ${at}`,
    open: (version) => `Open version ${version}`,
    latest: 'current version',
    public: 'Public page',
  },
  exports: {
    heading: 'Download',
    intro: (version) => `Published version ${version} as a file:`,
    formats: {
      html: 'HTML (for printing)',
      pdf: 'PDF (A4)',
      md: 'Markdown',
      txt: 'Plain text (for a website)',
      docx: 'Word (.docx)',
    },
    english: 'English version',
  },
  mail: {
    heading: 'Send',
    intro:
      'Send the published version by email: with the lead, the link to the report and the PDF attached, in English for those who chose English (if there is an English version).',
    audience: 'To whom?',
    audiences: {
      attendees: 'Everyone who attended (checked in)',
      invited: 'All invited partners',
      organisations: 'Chosen organisations (registrations and invitees)',
    },
    organisations: 'Organisations',
    submit: 'Send report',
    results: {
      nobody: 'There is nobody to send the report to, or everyone has received this version already.',
      'not-published': 'Publish the report first.',
    },
  },
  errors: {
    summary: 'The report was not saved. Please correct the following:',
    title: 'Enter a title.',
    lead: 'Enter a lead.',
    tooLong: (max) => `Use at most ${max} characters.`,
    controlCharacters: 'This text holds characters that are not allowed.',
    enBoth: 'For an English version enter both the title and the lead, or leave both empty.',
  },
  doc: {
    headings: {
      opening: 'Opening',
      panel: 'Panel',
      actionLines: 'Action lines',
      attendance: 'Attendance',
      links: 'More information',
    },
    openedBy: (people) => `Opened by ${people}.`,
    moderator: (people) => `Moderator: ${people}`,
    actionLine: (code, title) => `Action line ${code}: ${title}`,
    actionLinesIntro: 'The agenda covered these action lines of the programme:',
    totals: (a) =>
      `${enNumber(a.invited)} invited, ${enNumber(a.registered)} registered, ${enNumber(a.checkedIn)} attended, ${enNumber(a.noShows)} did not come.`,
    totalsCaption: 'Figures',
    totalsLabels: { invited: 'Invited', registered: 'Registered', checkedIn: 'Attended', noShows: 'Did not come' },
    bySector: 'Attendance by sector',
    byOrganisation: 'Attendance by organisation',
    columns: { sector: 'Sector', organisation: 'Organisation', registered: 'Registered', checkedIn: 'Attended' },
    otherSectors: (count) => (count === 1 ? 'One other sector' : `${count} other sectors`),
    otherOrganisations: (count) =>
      count === 1 ? 'One other organisation or without organisation' : `${count} other organisations`,
    smallGroups: (threshold) =>
      `Organisations and sectors with fewer than ${threshold} participants are not named, so that nobody can be singled out.`,
    chartTitle: 'Attendance by sector (bar chart)',
    chartDescription: (rows) => `Attended by sector: ${rows}. The table holds the same figures.`,
    credits: (names) => `Photos: ${names}`,
    programme: (name) => `The programme ${name}`,
    nextEvents: 'Next meetings',
    version: (version, at) => `Version ${version}, published on ${at}.`,
    olderVersion: (version) => `You are reading version ${version}. A newer version of this report has been published.`,
    latestVersion: 'Go to the current version',
    history: 'Earlier versions',
  },
}
