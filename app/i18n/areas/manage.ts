// Aanmelding beheren via de persoonlijke link (deelnemers). Dutch is the source; English must have the same keys.
export const manageNl = {
  title: 'Uw aanmelding',
  metaTitle: (event: string) => `Uw aanmelding voor ${event}`,
  welcome: {
    confirmed: 'Gelukt: u bent aangemeld. U krijgt ook een bevestiging per e-mail.',
    waitlisted: 'Uw aanmelding is ontvangen. De bijeenkomst is vol: u staat op de wachtlijst.',
    pending_approval: 'Uw aanmelding is ontvangen. Het secretariaat beoordeelt haar; u krijgt bericht per e-mail.',
    rejected: 'Uw aanmelding is ontvangen.',
    cancelled: 'Uw aanmelding is ontvangen.',
    waitlistedOrganisation: (org: string) =>
      `Uw aanmelding is ontvangen. De plaatsen voor ${org} zijn bezet: u staat op de wachtlijst.`,
  },
  saved: 'Uw gegevens zijn opgeslagen.',
  cancelledNow: 'Uw aanmelding is geannuleerd. U krijgt hierover een e-mail.',
  status: {
    heading: 'Status',
    confirmed: 'U bent aangemeld.',
    confirmedText: 'Er is een plaats voor u. Laat bij de ingang de QR-code hieronder zien.',
    waitlisted: (position: number | null) =>
      position === null ? 'U staat op de wachtlijst.' : `U staat op de wachtlijst op plaats ${position}.`,
    waitlistedText:
      'Komt er een plaats vrij, dan schuift de eerste op de wachtlijst automatisch door. U krijgt dan meteen een e-mail.',
    waitlistedOrganisation: (org: string, position: number) =>
      position === 1
        ? `U staat op de wachtlijst: u bent de eerste van ${org}.`
        : `U staat op de wachtlijst, op plaats ${position} voor ${org}.`,
    waitlistedOrganisationText: (org: string, email: string) =>
      `De bijeenkomst heeft nog plaatsen, maar de plaatsen voor ${org} zijn bezet: elke organisatie heeft een vast aantal plaatsen. Annuleert een collega van ${org}, dan gaat die plaats naar de eerste van ${org} op de wachtlijst. U krijgt dan meteen een e-mail. Heeft uw organisatie meer plaatsen nodig? Vraag het aan het secretariaat via ${email}.`,
    waitlistedBothText: (org: string, email: string) =>
      `De bijeenkomst is vol, en ook de plaatsen voor ${org} zijn bezet. U krijgt een plaats als er een plaats vrijkomt en ${org} nog een plaats over heeft, bijvoorbeeld als een collega van ${org} annuleert. U krijgt dan meteen een e-mail. Vragen? Mail het secretariaat via ${email}.`,
    pending_approval: 'Uw aanmelding wacht op goedkeuring.',
    pendingText: 'Het secretariaat beoordeelt uw aanmelding. U krijgt een e-mail zodra er een besluit is.',
    rejected: 'Uw aanmelding is afgewezen.',
    rejectedText: 'Hebt u vragen? Neem contact op met het secretariaat.',
    cancelled: 'Uw aanmelding is geannuleerd.',
    cancelledText: 'Wilt u toch komen? Meld u dan opnieuw aan via de pagina van de bijeenkomst of uw uitnodiging.',
    eventCancelled: 'Deze bijeenkomst gaat niet door.',
    eventOver: 'Deze bijeenkomst is voorbij. U kunt uw aanmelding niet meer wijzigen.',
  },
  event: {
    heading: 'De bijeenkomst',
    when: 'Wanneer',
    where: 'Waar',
    online: 'Online deelnemen',
    onlineLink: 'Link voor online deelname',
    page: 'Meer over deze bijeenkomst',
  },
  qr: {
    heading: 'Uw QR-code voor de ingang',
    text: 'Laat deze code bij de ingang zien, op uw telefoon of geprint. Deel hem niet met anderen.',
    alt: (name: string) => `QR-code om ${name} in te checken bij de ingang`,
  },
  calendar: {
    heading: 'In uw agenda',
    download: 'Zet deze bijeenkomst in uw agenda (.ics)',
    waitlisted:
      'U staat nog niet in de agenda van de bijeenkomst. Krijgt u een plaats, dan sturen we de afspraak voor uw agenda mee met de e-mail daarover.',
    feedIntro:
      'U kunt ook een persoonlijke agenda-abonnement maken. Daarin staan al uw bevestigde bijeenkomsten, en wijzigingen komen vanzelf door.',
    feedButton: 'Maak een persoonlijke agendalink',
    feedReplaces: 'Maakt u een nieuwe link, dan werkt een eerdere link niet meer.',
    feedCreated: 'Uw persoonlijke agendalink',
    feedOnce:
      'Kopieer deze link nu en voeg hem toe in uw agenda-app (bijvoorbeeld via ‘Agenda toevoegen vanaf internet’). We laten hem maar één keer zien.',
    feedPrivate:
      'De link is persoonlijk: iedereen met de link kan uw bijeenkomsten zien. Met de link kan niemand iets wijzigen of annuleren.',
    feedLabel: 'Agendalink',
  },
  details: {
    heading: 'Uw gegevens',
    change: 'Gegevens wijzigen',
    save: 'Gegevens opslaan',
    name: 'Naam',
    email: 'E-mailadres',
    emailFixed:
      'Uw e-mailadres kunt u hier niet wijzigen. Neem contact op met het secretariaat, of annuleer en meld u opnieuw aan met het andere adres.',
    function: 'Functie',
    organisation: 'Organisatie',
    organisationFixed:
      'U bent aangemeld via een uitnodiging van deze organisatie. De organisatie kunt u niet wijzigen.',
    dietary: 'Dieetwensen',
    dietaryHint: 'Bijvoorbeeld vegetarisch, halal of een allergie.',
    accessibility: 'Wat hebt u nodig om goed mee te doen?',
    accessibilityHint: 'Bijvoorbeeld een rolstoelplek, een gebarentolk of ringleiding.',
    photoConsent: 'Ik vind het goed dat ik op foto’s van de bijeenkomst sta',
    photoShort: 'Foto’s',
    accessibilityShort: 'Wat u nodig hebt',
    photoYes: 'Ja, u mag op foto’s',
    photoNo: 'Nee, liever niet op foto’s',
    language: 'Taal van e-mails',
    none: 'Niet ingevuld',
    answers: 'Uw antwoorden',
    answersReadOnly: 'Wilt u een antwoord wijzigen? Neem contact op met het secretariaat.',
    yes: 'Ja',
    no: 'Nee',
    notAnswered: 'Niet beantwoord',
  },
  colleagues: {
    heading: 'Collega’s die u hebt aangemeld',
    intro: 'Elke collega heeft een eigen link in de eigen e-mail om de aanmelding te wijzigen of te annuleren.',
  },
  cancel: {
    heading: 'Aanmelding annuleren',
    intro: 'Kunt u niet komen? Annuleer dan uw aanmelding, zodat iemand anders uw plaats kan krijgen.',
    button: 'Aanmelding annuleren',
    confirmTitle: 'Weet u het zeker?',
    consequencesSeat:
      'Als u annuleert, geeft u uw plaats vrij. Die gaat naar de eerste op de wachtlijst. U kunt dit niet ongedaan maken.',
    consequencesWaitlist: 'Als u annuleert, verdwijnt u van de wachtlijst. U kunt dit niet ongedaan maken.',
    consequencesAgain:
      'Wilt u later toch komen? Dan meldt u zich opnieuw aan. Is de bijeenkomst dan vol, dan komt u achteraan op de wachtlijst.',
    confirm: 'Ja, annuleer mijn aanmelding',
    back: 'Nee, terug',
  },
  registerAgain: 'Opnieuw aanmelden',
  errors: {
    summary: 'Controleer uw gegevens',
    nameRequired: 'Vul uw naam in.',
    tooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
    controlCharacters: 'Gebruik geen regeleinden of onzichtbare tekens.',
    language: 'Kies Nederlands of Engels.',
    notActive: 'Deze aanmelding is niet meer actief. U kunt haar niet meer wijzigen.',
    eventClosed: 'Deze bijeenkomst is voorbij of gaat niet door. U kunt uw aanmelding niet meer wijzigen.',
    unknownAction: 'Dit verzoek klopt niet. Probeer het opnieuw vanaf de pagina.',
  },
  statusLabels: {
    confirmed: 'aangemeld',
    waitlisted: 'op de wachtlijst',
    pending_approval: 'wacht op goedkeuring',
    rejected: 'afgewezen',
    cancelled: 'geannuleerd',
  },
}

export const manageEn: typeof manageNl = {
  title: 'Your registration',
  metaTitle: (event: string) => `Your registration for ${event}`,
  welcome: {
    confirmed: 'Done: you are registered. You will also receive a confirmation by e-mail.',
    waitlisted: 'We have received your registration. The event is full: you are on the waiting list.',
    pending_approval:
      'We have received your registration. The secretariat will review it; you will hear from us by e-mail.',
    rejected: 'We have received your registration.',
    cancelled: 'We have received your registration.',
    waitlistedOrganisation: (org) =>
      `We have received your registration. The places for ${org} are taken: you are on the waiting list.`,
  },
  saved: 'Your details have been saved.',
  cancelledNow: 'Your registration has been cancelled. You will receive an e-mail about it.',
  status: {
    heading: 'Status',
    confirmed: 'You are registered.',
    confirmedText: 'There is a seat for you. Show the QR code below at the entrance.',
    waitlisted: (position: number | null) =>
      position === null ? 'You are on the waiting list.' : `You are number ${position} on the waiting list.`,
    waitlistedText:
      'When a seat becomes free, the first person on the waiting list moves up automatically. You will get an e-mail straight away.',
    waitlistedOrganisation: (org, position) =>
      position === 1
        ? `You are on the waiting list: you are the first of ${org}.`
        : `You are on the waiting list, number ${position} for ${org}.`,
    waitlistedOrganisationText: (org, email) =>
      `The event still has places, but the places for ${org} are taken: each organisation has a fixed number of places. If a colleague from ${org} cancels, their place goes to the first of ${org} on the waiting list. You will then receive an e-mail straight away. Does your organisation need more places? Please ask the secretariat at ${email}.`,
    waitlistedBothText: (org, email) =>
      `The event is full, and the places for ${org} are taken too. You will get a place when one becomes free and ${org} still has a place left, for example when a colleague from ${org} cancels. You will then receive an e-mail straight away. Any questions? Please e-mail the secretariat at ${email}.`,
    pending_approval: 'Your registration is awaiting approval.',
    pendingText: 'The secretariat is reviewing your registration. You will get an e-mail once it has decided.',
    rejected: 'Your registration has been declined.',
    rejectedText: 'Any questions? Please contact the secretariat.',
    cancelled: 'Your registration has been cancelled.',
    cancelledText: 'Would you like to come after all? Register again on the event page or through your invitation.',
    eventCancelled: 'This event has been cancelled.',
    eventOver: 'This event is over. You can no longer change your registration.',
  },
  event: {
    heading: 'The event',
    when: 'When',
    where: 'Where',
    online: 'Join online',
    onlineLink: 'Link to join online',
    page: 'More about this event',
  },
  qr: {
    heading: 'Your QR code for the entrance',
    text: 'Show this code at the entrance, on your phone or printed. Do not share it with others.',
    alt: (name: string) => `QR code to check in ${name} at the entrance`,
  },
  calendar: {
    heading: 'In your calendar',
    download: 'Add this event to your calendar (.ics)',
    waitlisted:
      'You are not in the calendar of the event yet. If you get a place, the e-mail about it comes with the appointment for your calendar.',
    feedIntro:
      'You can also create a personal calendar subscription. It holds all your confirmed events, and changes come through by themselves.',
    feedButton: 'Create a personal calendar link',
    feedReplaces: 'If you create a new link, an earlier link stops working.',
    feedCreated: 'Your personal calendar link',
    feedOnce:
      'Copy this link now and add it in your calendar app (for example with ‘Add calendar from the internet’). We show it only once.',
    feedPrivate:
      'The link is personal: anyone with the link can see your events. Nobody can change or cancel anything with it.',
    feedLabel: 'Calendar link',
  },
  details: {
    heading: 'Your details',
    change: 'Change your details',
    save: 'Save details',
    name: 'Name',
    email: 'E-mail address',
    emailFixed:
      'You cannot change your e-mail address here. Contact the secretariat, or cancel and register again with the other address.',
    function: 'Job title',
    organisation: 'Organisation',
    organisationFixed:
      'You registered through an invitation for this organisation. You cannot change the organisation.',
    dietary: 'Dietary requirements',
    dietaryHint: 'For example vegetarian, halal or an allergy.',
    accessibility: 'What do you need to take part fully?',
    accessibilityHint: 'For example a wheelchair space, a sign-language interpreter or a hearing loop.',
    photoConsent: 'I agree to appear in photos of the event',
    photoShort: 'Photos',
    accessibilityShort: 'What you need',
    photoYes: 'Yes, you may appear in photos',
    photoNo: 'No, rather not in photos',
    language: 'Language of e-mails',
    none: 'Not filled in',
    answers: 'Your answers',
    answersReadOnly: 'Would you like to change an answer? Please contact the secretariat.',
    yes: 'Yes',
    no: 'No',
    notAnswered: 'Not answered',
  },
  colleagues: {
    heading: 'Colleagues you registered',
    intro: 'Each colleague has their own link in their own e-mail to change or cancel their registration.',
  },
  cancel: {
    heading: 'Cancel registration',
    intro: 'Cannot make it? Please cancel your registration, so that someone else can have your seat.',
    button: 'Cancel registration',
    confirmTitle: 'Are you sure?',
    consequencesSeat:
      'If you cancel, you give up your seat. It goes to the first person on the waiting list. This cannot be undone.',
    consequencesWaitlist: 'If you cancel, you leave the waiting list. This cannot be undone.',
    consequencesAgain:
      'Would you like to come later after all? Then register again. If the event is full by then, you join the end of the waiting list.',
    confirm: 'Yes, cancel my registration',
    back: 'No, go back',
  },
  registerAgain: 'Register again',
  errors: {
    summary: 'Please check your details',
    nameRequired: 'Please enter your name.',
    tooLong: (max: number) => `Use at most ${max} characters.`,
    controlCharacters: 'Do not use line breaks or invisible characters.',
    language: 'Choose Dutch or English.',
    notActive: 'This registration is no longer active. You can no longer change it.',
    eventClosed: 'This event is over or has been cancelled. You can no longer change your registration.',
    unknownAction: 'This request is not right. Please try again from the page.',
  },
  statusLabels: {
    confirmed: 'registered',
    waitlisted: 'on the waiting list',
    pending_approval: 'awaiting approval',
    rejected: 'declined',
    cancelled: 'cancelled',
  },
}
