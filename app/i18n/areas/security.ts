// Refused requests (app/server/request-guard.ts): short pages in plain language. Dutch is the source; English
// must have the same keys. No imports, so that the server entry can read it without the rest of the app.
export type RefusalReason = 'method' | 'origin' | 'content-type' | 'too-large' | 'length-required' | 'malformed'

type Page = { title: string; text: string }

export const securityNl = {
  backHome: 'Naar de startpagina',
  refusals: {
    method: {
      title: 'Dit kan niet op deze pagina',
      text: 'Deze pagina accepteert dit soort verzoek niet. Gebruik de knoppen en formulieren op de pagina.',
    },
    origin: {
      title: 'Verzoek geweigerd',
      text: 'Dit formulier kwam niet van bijeen zelf. Open de pagina opnieuw en verstuur het formulier daar.',
    },
    'content-type': {
      title: 'Dit formulier kunnen we niet lezen',
      text: 'De gegevens kwamen niet als formulier binnen. Vul het formulier op de pagina in en verstuur het opnieuw.',
    },
    'too-large': {
      title: 'Te veel gegevens',
      text: 'U stuurde meer gegevens dan dit formulier aankan. Maak de tekst of het bestand kleiner en probeer het opnieuw.',
    },
    'length-required': {
      title: 'Dit formulier kunnen we niet lezen',
      text: 'Bij het verzoek ontbrak de lengte van de gegevens. Verstuur het formulier opnieuw vanaf de pagina.',
    },
    malformed: {
      title: 'Dit formulier kunnen we niet lezen',
      text: 'De gegevens waren beschadigd. Vul het formulier op de pagina opnieuw in en verstuur het nog eens.',
    },
  } satisfies Record<RefusalReason, Page>,
}

export const securityEn: typeof securityNl = {
  backHome: 'Go to the home page',
  refusals: {
    method: {
      title: 'This is not possible on this page',
      text: 'This page does not accept this kind of request. Use the buttons and forms on the page.',
    },
    origin: {
      title: 'Request refused',
      text: 'This form did not come from bijeen itself. Open the page again and send the form from there.',
    },
    'content-type': {
      title: 'We cannot read this form',
      text: 'The data did not arrive as a form. Fill in the form on the page and send it again.',
    },
    'too-large': {
      title: 'Too much data',
      text: 'You sent more data than this form can take. Make the text or the file smaller and try again.',
    },
    'length-required': {
      title: 'We cannot read this form',
      text: 'The request did not say how long its data was. Send the form again from the page.',
    },
    malformed: {
      title: 'We cannot read this form',
      text: 'The data was damaged. Fill in the form on the page again and send it once more.',
    },
  },
}
