// Aanmelden, uitnodigingspagina en aanmelding beheren (deelnemers). Dutch is the source; English must have the same keys.
export const registrationNl = {
  title: 'Aanmelden',
}

export const registrationEn: typeof registrationNl = {
  title: 'Register',
}
