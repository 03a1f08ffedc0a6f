// Uitnodigingen en herinneringen (beheer). Dutch is the source; English must have the same keys.
export const invitationsNl = {
  title: 'Uitnodigingen',
  titleFor: (event: string) => `Uitnodigingen: ${event}`,
  backToEvent: 'Terug naar de bijeenkomst',
  intro:
    'Hier ziet u wie voor deze bijeenkomst is uitgenodigd en wat de stand is. Iedere contactpersoon krijgt een persoonlijke link om zich aan te melden.',
  draftWarning:
    'Deze bijeenkomst is nog een concept. U kunt al contactpersonen kiezen, maar pas uitnodigingen versturen als de bijeenkomst gepubliceerd is.',
  invite: 'Contactpersonen uitnodigen',
  status: {
    pending: 'Nog niet verstuurd',
    sent: 'Verstuurd',
    failed: 'Mislukt',
    registered: 'Aangemeld',
    declined: 'Afgemeld',
    revoked: 'Ingetrokken',
  },
  countsHeading: 'Aantallen',
  total: (n: number) => `${n} ${n === 1 ? 'uitnodiging' : 'uitnodigingen'} in totaal`,
  filter: {
    heading: 'Filteren',
    status: 'Status',
    organisation: 'Organisatie',
    sector: 'Sector',
    search: 'Zoeken',
    searchHint: 'Naam, e-mailadres of organisatie',
    all: 'Alle',
    apply: 'Filter toepassen',
    reset: 'Filters wissen',
    shown: (shown: number, total: number) => `${shown} van ${total} uitnodigingen getoond.`,
    capped: (shown: number) =>
      `Alleen de eerste ${shown} staan in de tabel. Gebruik de filters om de rest te zien, of download de lijst.`,
  },
  columns: {
    select: 'Kiezen',
    name: 'Naam',
    email: 'E-mailadres',
    organisation: 'Organisatie',
    sector: 'Sector',
    status: 'Status',
    sentAt: 'Verstuurd',
    remindedAt: 'Herinnerd',
    respondedAt: 'Gereageerd',
    actions: 'Acties',
  },
  selectOne: (name: string) => `${name} kiezen`,
  empty: 'Er zijn nog geen uitnodigingen voor deze bijeenkomst.',
  noMatch: 'Geen uitnodigingen gevonden met deze filters.',
  send: {
    heading: 'Versturen',
    hint: 'Kies contactpersonen in de tabel om alleen hen een mail te sturen. Kiest u niemand, dan gaat de mail naar iedereen die hem nog niet kreeg.',
    all: (n: number) => `Verstuur alle nog niet verstuurde uitnodigingen (${n})`,
    selected: 'Verstuur uitnodiging aan gekozen contactpersonen',
    remindAll: (n: number) => `Stuur herinnering aan iedereen die nog niet reageerde (${n})`,
    remindSelected: 'Stuur herinnering aan gekozen contactpersonen',
  },
  revoke: 'Intrekken',
  revokeFor: (name: string) => `Uitnodiging van ${name} intrekken`,
  reinvite: 'Opnieuw uitnodigen',
  reinviteFor: (name: string) => `${name} opnieuw uitnodigen`,
  export: {
    heading: 'Downloaden',
    csv: 'Download als CSV',
    xlsx: 'Download als Excel (XLSX)',
    sheet: 'Uitnodigingen',
    fileName: 'uitnodigingen',
    badFormat: 'Onbekend bestandsformaat: kies csv of xlsx.',
  },
  notices: {
    created: (created: number, existing: number, reinvited: number) =>
      [
        `${created} ${created === 1 ? 'nieuwe uitnodiging' : 'nieuwe uitnodigingen'} aangemaakt.`,
        existing
          ? `${existing} ${existing === 1 ? 'contactpersoon was' : 'contactpersonen waren'} al uitgenodigd.`
          : '',
        reinvited
          ? `${reinvited} ingetrokken ${reinvited === 1 ? 'uitnodiging is' : 'uitnodigingen zijn'} weer open.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    sent: (n: number) => `${n} ${n === 1 ? 'uitnodiging staat' : 'uitnodigingen staan'} klaar om te versturen.`,
    reminded: (n: number) => `${n} ${n === 1 ? 'herinnering staat' : 'herinneringen staan'} klaar om te versturen.`,
    skipped: (n: number) =>
      `${n} gekozen ${n === 1 ? 'contactpersoon is' : 'contactpersonen zijn'} overgeslagen, omdat ze al reageerden of nog geen uitnodiging kregen.`,
    progress: 'Bekijk de voortgang van de verzending',
    revoked: 'De uitnodiging is ingetrokken. De persoonlijke link werkt niet meer.',
    reopened: 'De uitnodiging is weer open. Verstuur haar opnieuw om een nieuwe link te sturen.',
  },
  errors: {
    notPublished:
      'Deze bijeenkomst is niet gepubliceerd. U kunt alleen uitnodigingen en herinneringen versturen voor een gepubliceerde bijeenkomst.',
    nothingToSend: 'Er is niets te versturen: alle gekozen uitnodigingen zijn al verstuurd of beantwoord.',
    nothingToRemind:
      'Er is niemand om te herinneren: iedereen heeft gereageerd, of de uitnodiging is nog niet verstuurd.',
    conflict: 'Iemand anders verstuurde deze uitnodigingen net. Bekijk de lijst en probeer het zo nodig opnieuw.',
    closed: 'Deze bijeenkomst is afgelopen of geannuleerd. U kunt niemand meer uitnodigen.',
    chooseSomeone: 'Kies ten minste één contactpersoon, organisatie of sector.',
    noContacts: 'Bij deze keuze horen geen contactpersonen.',
    summary: 'Er ging iets mis',
  },
  new: {
    title: 'Contactpersonen uitnodigen',
    intro:
      'Kies losse contactpersonen, hele organisaties of een hele sector. Wie al is uitgenodigd, krijgt geen tweede uitnodiging. De mails gaan pas weg als u op de lijst op Versturen klikt.',
    search: 'Zoek contactpersonen',
    searchHint: 'Naam, e-mailadres of organisatie',
    searchButton: 'Zoeken',
    contacts: 'Contactpersonen',
    noContacts: 'Geen contactpersonen gevonden.',
    more: 'Er zijn meer contactpersonen. Zoek gerichter om ze te zien.',
    contactLabel: (name: string, organisation: string) => `${name} (${organisation})`,
    alreadyInvited: 'al uitgenodigd',
    revoked: 'ingetrokken, kiezen om opnieuw uit te nodigen',
    organisations: 'Hele organisaties',
    organisationLabel: (name: string, contacts: number) =>
      `${name} (${contacts} ${contacts === 1 ? 'contactpersoon' : 'contactpersonen'})`,
    sectors: 'Hele sectoren',
    sectorLabel: (name: string, contacts: number) =>
      `${name} (${contacts} ${contacts === 1 ? 'contactpersoon' : 'contactpersonen'})`,
    submit: 'Uitnodigingen aanmaken',
    cancel: 'Terug naar de uitnodigingen',
  },
  revokePage: {
    title: 'Uitnodiging intrekken',
    body: (name: string, organisation: string) =>
      `U trekt de uitnodiging van ${name} (${organisation}) in. De persoonlijke link werkt daarna niet meer, en deze persoon krijgt geen herinneringen. Een aanmelding die al is gedaan, blijft bestaan.`,
    confirm: 'Ja, uitnodiging intrekken',
    cancel: 'Niet intrekken',
    already: 'Deze uitnodiging is al ingetrokken.',
  },
}

export const invitationsEn: typeof invitationsNl = {
  title: 'Invitations',
  titleFor: (event) => `Invitations: ${event}`,
  backToEvent: 'Back to the event',
  intro:
    'Here you see who has been invited to this event and where things stand. Every contact gets a personal link to register.',
  draftWarning:
    'This event is still a draft. You can already choose contacts, but you can only send invitations once the event is published.',
  invite: 'Invite contacts',
  status: {
    pending: 'Not sent yet',
    sent: 'Sent',
    failed: 'Failed',
    registered: 'Registered',
    declined: 'Declined',
    revoked: 'Revoked',
  },
  countsHeading: 'Counts',
  total: (n) => `${n} ${n === 1 ? 'invitation' : 'invitations'} in total`,
  filter: {
    heading: 'Filter',
    status: 'Status',
    organisation: 'Organisation',
    sector: 'Sector',
    search: 'Search',
    searchHint: 'Name, email address or organisation',
    all: 'All',
    apply: 'Apply filter',
    reset: 'Clear filters',
    shown: (shown, total) => `Showing ${shown} of ${total} invitations.`,
    capped: (shown) =>
      `Only the first ${shown} are in the table. Use the filters to see the rest, or download the list.`,
  },
  columns: {
    select: 'Select',
    name: 'Name',
    email: 'E-mail address',
    organisation: 'Organisation',
    sector: 'Sector',
    status: 'Status',
    sentAt: 'Sent',
    remindedAt: 'Reminded',
    respondedAt: 'Responded',
    actions: 'Actions',
  },
  selectOne: (name) => `Select ${name}`,
  empty: 'There are no invitations for this event yet.',
  noMatch: 'No invitations match these filters.',
  send: {
    heading: 'Send',
    hint: 'Select contacts in the table to mail only them. If you select no one, the mail goes to everyone who has not received it yet.',
    all: (n) => `Send all invitations not sent yet (${n})`,
    selected: 'Send invitation to selected contacts',
    remindAll: (n) => `Send a reminder to everyone who has not responded (${n})`,
    remindSelected: 'Send a reminder to selected contacts',
  },
  revoke: 'Revoke',
  revokeFor: (name) => `Revoke the invitation of ${name}`,
  reinvite: 'Invite again',
  reinviteFor: (name) => `Invite ${name} again`,
  export: {
    heading: 'Download',
    csv: 'Download as CSV',
    xlsx: 'Download as Excel (XLSX)',
    sheet: 'Invitations',
    fileName: 'invitations',
    badFormat: 'Unknown file format: choose csv or xlsx.',
  },
  notices: {
    created: (created, existing, reinvited) =>
      [
        `${created} new ${created === 1 ? 'invitation' : 'invitations'} created.`,
        existing ? `${existing} ${existing === 1 ? 'contact was' : 'contacts were'} already invited.` : '',
        reinvited ? `${reinvited} revoked ${reinvited === 1 ? 'invitation is' : 'invitations are'} open again.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    sent: (n) => `${n} ${n === 1 ? 'invitation is' : 'invitations are'} queued for sending.`,
    reminded: (n) => `${n} ${n === 1 ? 'reminder is' : 'reminders are'} queued for sending.`,
    skipped: (n) =>
      `${n} selected ${n === 1 ? 'contact was' : 'contacts were'} skipped, because they already responded or have not been invited yet.`,
    progress: 'See the progress of the send',
    revoked: 'The invitation has been revoked. The personal link no longer works.',
    reopened: 'The invitation is open again. Send it again to mail a new link.',
  },
  errors: {
    notPublished: 'This event is not published. You can only send invitations and reminders for a published event.',
    nothingToSend: 'There is nothing to send: all selected invitations have already been sent or answered.',
    nothingToRemind: 'There is no one to remind: everyone has responded, or the invitation has not been sent yet.',
    conflict: 'Someone else sent these invitations just now. Check the list and try again if needed.',
    closed: 'This event is over or cancelled. You can no longer invite anyone.',
    chooseSomeone: 'Choose at least one contact, organisation or sector.',
    noContacts: 'There are no contacts in this selection.',
    summary: 'Something went wrong',
  },
  new: {
    title: 'Invite contacts',
    intro:
      'Choose individual contacts, whole organisations or a whole sector. Anyone already invited does not get a second invitation. The mails are only sent when you click Send on the list.',
    search: 'Search contacts',
    searchHint: 'Name, email address or organisation',
    searchButton: 'Search',
    contacts: 'Contacts',
    noContacts: 'No contacts found.',
    more: 'There are more contacts. Narrow your search to see them.',
    contactLabel: (name, organisation) => `${name} (${organisation})`,
    alreadyInvited: 'already invited',
    revoked: 'revoked, select to invite again',
    organisations: 'Whole organisations',
    organisationLabel: (name, contacts) => `${name} (${contacts} ${contacts === 1 ? 'contact' : 'contacts'})`,
    sectors: 'Whole sectors',
    sectorLabel: (name, contacts) => `${name} (${contacts} ${contacts === 1 ? 'contact' : 'contacts'})`,
    submit: 'Create invitations',
    cancel: 'Back to the invitations',
  },
  revokePage: {
    title: 'Revoke invitation',
    body: (name, organisation) =>
      `You are revoking the invitation of ${name} (${organisation}). The personal link will no longer work, and this person will get no reminders. A registration already made stays.`,
    confirm: 'Yes, revoke the invitation',
    cancel: 'Do not revoke',
    already: 'This invitation has already been revoked.',
  },
}
