// An agenda that no longer fits its event, after the event's times changed (edit form and agenda page).

function amountNl(minutes: number) {
  const m = Math.abs(minutes)
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const rest = m % 60
  const parts = [
    days ? (days === 1 ? '1 dag' : `${days} dagen`) : '',
    hours ? `${hours} uur` : '',
    rest ? (rest === 1 ? '1 minuut' : `${rest} minuten`) : '',
  ].filter(Boolean)
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}` : (parts[0] ?? '')
  return `${joined} ${minutes < 0 ? 'eerder' : 'later'}`
}

function amountEn(minutes: number) {
  const m = Math.abs(minutes)
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const rest = m % 60
  const parts = [
    days ? (days === 1 ? '1 day' : `${days} days`) : '',
    hours ? (hours === 1 ? '1 hour' : `${hours} hours`) : '',
    rest ? (rest === 1 ? '1 minute' : `${rest} minutes`) : '',
  ].filter(Boolean)
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '')
  return `${joined} ${minutes < 0 ? 'earlier' : 'later'}`
}

export const agendaFitNl = {
  amount: amountNl,
  title: 'En het programma?',
  outside: (count: number) =>
    count === 1
      ? 'Met de nieuwe tijden valt 1 onderdeel van het programma buiten de bijeenkomst:'
      : `Met de nieuwe tijden vallen ${count} onderdelen van het programma buiten de bijeenkomst:`,
  moved: 'De bijeenkomst begint op een ander moment. Het programma staat nog op de oude tijden.',
  shift: (minutes: number) => `Schuif het hele programma mee: alles ${amountNl(minutes)}`,
  shiftHint:
    'Elk onderdeel verschuift evenveel. Wie spreekt, krijgt een bijgewerkte agenda-uitnodiging voor het eigen onderdeel. Aangemelde deelnemers lezen het nieuwe programma in dezelfde e-mail over de wijziging.',
  keep: 'Laat het programma staan. Ik pas de onderdelen zelf aan.',
  noShift:
    'Het programma past ook verschoven niet in de nieuwe tijden. Pas na het opslaan de onderdelen aan in het programma.',
  save: 'Opslaan',
  shiftedNotice: (items: number) =>
    items === 1
      ? 'Het onderdeel van het programma is mee verschoven.'
      : `De ${items} onderdelen van het programma zijn mee verschoven.`,
  // The agenda page
  pageWarning: (count: number) =>
    count === 1
      ? '1 onderdeel valt buiten de tijd van de bijeenkomst:'
      : `${count} onderdelen vallen buiten de tijd van de bijeenkomst:`,
  eventTimes: (period: string) => `De bijeenkomst is ${period}.`,
  shiftHeading: 'Het hele programma verschuiven',
  shiftIntro:
    'Verschuif alle onderdelen in één keer evenveel. Sprekers krijgen een bijgewerkte agenda-uitnodiging voor hun onderdeel.',
  minutesLabel: 'Aantal minuten later',
  minutesHint: 'Zet er een min voor om het programma eerder te laten beginnen, bijvoorbeeld -30.',
  minutesInvalid: 'Vul een aantal minuten in, bijvoorbeeld 30 of -30.',
  shiftButton: 'Programma verschuiven',
  shiftedOutside: (titles: string) => `Zo valt het programma buiten de bijeenkomst: ${titles}. Er is niets verschoven.`,
  shiftedPage: (items: number, mailed: number) =>
    `${items === 1 ? '1 onderdeel is' : `${items} onderdelen zijn`} verschoven.${
      mailed
        ? ` ${mailed === 1 ? '1 bijgewerkte agenda-uitnodiging gaat' : `${mailed} bijgewerkte agenda-uitnodigingen gaan`} naar sprekers.`
        : ''
    }`,
  overviewWarning: (count: number) =>
    count === 1
      ? '1 onderdeel van het programma valt buiten de tijd van de bijeenkomst.'
      : `${count} onderdelen van het programma vallen buiten de tijd van de bijeenkomst.`,
  overviewLink: 'Programma nakijken',
}

export const agendaFitEn: typeof agendaFitNl = {
  amount: amountEn,
  title: 'What about the agenda?',
  outside: (count: number) =>
    count === 1
      ? 'With the new times, 1 agenda item falls outside the event:'
      : `With the new times, ${count} agenda items fall outside the event:`,
  moved: 'The event starts at a different time. The agenda is still at the old times.',
  shift: (minutes: number) => `Move the whole agenda along: everything ${amountEn(minutes)}`,
  shiftHint:
    'Every item moves by the same amount. Speakers get an updated calendar invitation for their own item. Registered participants read the new agenda in the same e-mail about the change.',
  keep: 'Leave the agenda as it is. I will change the items myself.',
  noShift: 'Even when moved, the agenda does not fit the new times. After saving, change the items in the agenda.',
  save: 'Save',
  shiftedNotice: (items: number) =>
    items === 1 ? 'The agenda item was moved along.' : `The ${items} agenda items were moved along.`,
  pageWarning: (count: number) =>
    count === 1 ? '1 item falls outside the time of the event:' : `${count} items fall outside the time of the event:`,
  eventTimes: (period: string) => `The event is ${period}.`,
  shiftHeading: 'Move the whole agenda',
  shiftIntro: 'Move all items at once by the same amount. Speakers get an updated calendar invitation for their item.',
  minutesLabel: 'Number of minutes later',
  minutesHint: 'Put a minus in front to start the agenda earlier, for example -30.',
  minutesInvalid: 'Enter a number of minutes, for example 30 or -30.',
  shiftButton: 'Move agenda',
  shiftedOutside: (titles: string) => `The agenda would then fall outside the event: ${titles}. Nothing was moved.`,
  shiftedPage: (items: number, mailed: number) =>
    `${items === 1 ? '1 item was' : `${items} items were`} moved.${
      mailed
        ? ` ${mailed === 1 ? '1 updated calendar invitation goes' : `${mailed} updated calendar invitations go`} to speakers.`
        : ''
    }`,
  overviewWarning: (count: number) =>
    count === 1
      ? '1 agenda item falls outside the time of the event.'
      : `${count} agenda items fall outside the time of the event.`,
  overviewLink: 'Check the agenda',
}
