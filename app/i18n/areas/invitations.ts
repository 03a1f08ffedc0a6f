// Uitnodigingen en herinneringen (beheer). Dutch is the source; English must have the same keys.
export const invitationsNl = {
  title: 'Uitnodigingen',
}

export const invitationsEn: typeof invitationsNl = {
  title: 'Invitations',
}
