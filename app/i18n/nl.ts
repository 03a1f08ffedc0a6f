// Dutch is the source of truth: en.ts must have exactly these keys (checked by the compiler).
// Plain language (B1); government conventions for titles and ministries.
export const nl = {
  meta: {
    lang: 'nl',
    appName: 'bijeen',
    appDescription: 'Bijeenkomsten van rijksprogramma’s: uitnodigen, aanmelden, sprekers en verslag.',
  },
  shell: {
    skipLink: 'Naar de inhoud',
    siteSubtitle: 'Bijeenkomsten',
    mainNav: 'Hoofdmenu',
    home: 'Home',
    secretariat: 'Beheer',
    signIn: 'Inloggen',
    signOut: 'Uitloggen',
    signedInAs: (name: string) => `Ingelogd als ${name}`,
    language: 'Taal',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    footer: 'bijeen: bijeenkomsten van het programma, georganiseerd door het secretariaat.',
    privacy: 'Wij gebruiken uw gegevens alleen om deze bijeenkomst te organiseren.',
  },
  roles: { admin: 'Beheerder', organiser: 'Organisator', viewer: 'Meelezer' },
  eventStatus: { draft: 'Concept', published: 'Gepubliceerd', completed: 'Afgerond', cancelled: 'Geannuleerd' },
  home: {
    title: 'Bijeenkomsten',
    intro: 'Hier vindt u de bijeenkomsten van het programma.',
    upcoming: 'Komende bijeenkomsten',
    past: 'Eerdere bijeenkomsten',
    none: 'Er zijn nu geen bijeenkomsten gepland.',
  },
  login: {
    title: 'Inloggen voor het secretariaat',
    intro: 'Log in met het e-mailadres en wachtwoord van uw account.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    invalid: 'Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.',
    emailRequired: 'Vul uw e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@ministerie.nl.',
    passwordRequired: 'Vul uw wachtwoord in.',
    tooMany: (minutes: number) =>
      `U hebt te vaak geprobeerd in te loggen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    errorSummary: 'Er ging iets mis',
    signedOut: 'U bent uitgelogd.',
    noAccount: 'Geen account? Vraag het secretariaat om een uitnodiging.',
  },
  dashboard: {
    title: 'Overzicht',
    intro: 'De bijeenkomsten van het programma, de eerstvolgende bovenaan.',
    eventsOf: (programme: string) => `Bijeenkomsten van ${programme}`,
    none: 'Er zijn nog geen bijeenkomsten.',
    columns: { event: 'Bijeenkomst', date: 'Datum en tijd', place: 'Plaats', status: 'Status', registrations: 'Aanmeldingen' },
    registrations: (confirmed: number, capacity: number | null) =>
      capacity === null ? `${confirmed} bevestigd` : `${confirmed} van ${capacity} plaatsen`,
    role: (role: string) => `Uw rol: ${role}`,
  },
  errors: {
    notFoundTitle: 'Deze pagina bestaat niet',
    notFoundText: 'Misschien is de link verouderd of zit er een tikfout in het adres.',
    forbiddenTitle: 'Geen toegang',
    forbiddenText: 'Uw account mag deze pagina niet openen of deze wijziging niet doen. Vraag een beheerder om hulp.',
    badRequestTitle: 'Dit verzoek klopt niet',
    badRequestText: 'Controleer wat u hebt ingevuld en probeer het opnieuw.',
    tooManyTitle: 'Even geduld',
    tooManyText: 'U hebt te veel verzoeken achter elkaar gedaan. Probeer het over een paar minuten opnieuw.',
    genericTitle: 'Er ging iets mis',
    genericText: 'Er ging aan onze kant iets mis. Uw gegevens zijn niet verloren. Probeer het later opnieuw.',
    backHome: 'Naar de homepage',
  },
}

export type Dictionary = typeof nl
