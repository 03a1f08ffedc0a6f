// Why someone waits (issue 17, point 1): the event may be full, or only the seats of their organisation's quota
// may be taken while the event still has room. The two call for different words: in the second case a seat
// that frees elsewhere does not help them, a colleague's cancellation does. Pure.

export type WaitlistReason = 'event-full' | 'organisation-full' | 'both-full'

export type SeatState = { capacity: number | null; confirmed: number }
/** The organisation's seats at this event: its quota (null: no limit) and how many hold one. */
export type QuotaState = { quota: number | null; confirmed: number }

export function eventFull(event: SeatState) {
  return event.capacity !== null && event.confirmed >= event.capacity
}

export function quotaFull(organisation: QuotaState | null) {
  return !!organisation && organisation.quota !== null && organisation.confirmed >= organisation.quota
}

/** The reason as things stand now. A person who waits while neither is full is next in line for a seat. */
export function waitlistReason(event: SeatState, organisation: QuotaState | null): WaitlistReason {
  const byQuota = quotaFull(organisation)
  if (byQuota) return eventFull(event) ? 'both-full' : 'organisation-full'
  return 'event-full'
}
