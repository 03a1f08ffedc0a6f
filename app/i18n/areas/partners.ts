// Partnerorganisaties en contactpersonen (beheer). Dutch is the source; English must have the same keys.
export const partnersNl = {
  title: 'Partnerorganisaties',
}

export const partnersEn: typeof partnersNl = {
  title: 'Partner organisations',
}
