// Aanmeldingen, exports, lijsten en badges (beheer). Dutch is the source; English must have the same keys.
export const registrationsAdminNl = {
  title: 'Aanmeldingen',
}

export const registrationsAdminEn: typeof registrationsAdminNl = {
  title: 'Registrations',
}
