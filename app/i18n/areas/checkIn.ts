// Inchecken bij de deur (beheer, telefoon). Dutch is the source; English must have the same keys.
export const checkInNl = {
  title: 'Inchecken',
}

export const checkInEn: typeof checkInNl = {
  title: 'Check-in',
}
