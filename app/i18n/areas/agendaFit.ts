// An agenda that no longer fits its event, after the event's times changed (edit form and agenda page).

type Words = {
  day: [string, string]
  hour: [string, string]
  minute: [string, string]
  and: string
  earlier: string
  later: string
}

/** "1 uur en 30 minuten later": the words per language, singular and plural. */
function amount(minutes: number, w: Words) {
  const m = Math.abs(minutes)
  const unit = (n: number, [one, many]: [string, string]) => (n ? `${n} ${n === 1 ? one : many}` : '')
  const parts = [unit(Math.floor(m / 1440), w.day), unit(Math.floor((m % 1440) / 60), w.hour), unit(m % 60, w.minute)]
  const said = parts.filter(Boolean)
  const joined = said.length > 1 ? `${said.slice(0, -1).join(', ')} ${w.and} ${said.at(-1)}` : (said[0] ?? '')
  return `${joined} ${minutes < 0 ? w.earlier : w.later}`
}

const nl: Words = {
  day: ['dag', 'dagen'],
  hour: ['uur', 'uur'],
  minute: ['minuut', 'minuten'],
  and: 'en',
  earlier: 'eerder',
  later: 'later',
}
const en: Words = {
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
  and: 'and',
  earlier: 'earlier',
  later: 'later',
}
const amountNl = (minutes: number) => amount(minutes, nl)
const amountEn = (minutes: number) => amount(minutes, en)

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
