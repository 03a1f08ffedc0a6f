import { describe, expect, it } from 'vitest'
import { agendaShiftFor, agendaShiftToFit, itemsOutsideEvent, shiftedItems } from '~/domain/agenda'

// 4 December, times in UTC (Amsterdam is UTC+1 then): the event 10.00–16.00 local.
const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00Z`)
const event = { startsAt: at('09:00'), endsAt: at('15:00') }
const agenda = [
  { id: 'opening', startsAt: at('09:00'), endsAt: at('09:45') },
  { id: 'panel', startsAt: at('10:00'), endsAt: at('11:00') },
  { id: 'drinks', startsAt: at('14:00'), endsAt: at('15:00') },
]

describe('an agenda that no longer fits its event', () => {
  it('lists the items before the new start or after the new end', () => {
    const later = { startsAt: at('09:30'), endsAt: at('15:00') }
    expect(itemsOutsideEvent(later, agenda).map((i) => i.id)).toEqual(['opening'])
    const shorter = { startsAt: at('09:00'), endsAt: at('14:30') }
    expect(itemsOutsideEvent(shorter, agenda).map((i) => i.id)).toEqual(['drinks'])
    expect(itemsOutsideEvent(event, agenda)).toEqual([])
  })

  it('shifts every item by the same minutes and keeps the other fields', () => {
    const [opening] = shiftedItems(agenda, 30)
    expect(opening).toEqual({ id: 'opening', startsAt: at('09:30'), endsAt: at('10:15') })
    expect(shiftedItems(agenda, -15)[2]!.endsAt).toEqual(at('14:45'))
  })

  it('offers the start’s own shift when the whole event moved', () => {
    expect(agendaShiftFor(event, { startsAt: at('09:30'), endsAt: at('15:30') }, agenda)).toBe(30)
    expect(agendaShiftFor(event, { startsAt: at('08:00'), endsAt: at('14:00') }, agenda)).toBe(-60)
    // A later start with the same end: the last item would run over, so no shift is offered.
    expect(agendaShiftFor(event, { startsAt: at('09:30'), endsAt: at('15:00') }, agenda)).toBeNull()
    // The start did not move, or there is no agenda.
    expect(agendaShiftFor(event, { startsAt: at('09:00'), endsAt: at('16:00') }, agenda)).toBeNull()
    expect(agendaShiftFor(event, { startsAt: at('09:30'), endsAt: at('15:30') }, [])).toBeNull()
    // Moved to another day: the agenda goes along.
    const nextDay = { startsAt: new Date('2026-12-05T09:00:00Z'), endsAt: new Date('2026-12-05T15:00:00Z') }
    expect(agendaShiftFor(event, nextDay, agenda)).toBe(24 * 60)
  })

  it('offers, on the agenda page, the shift that brings the first item to the start', () => {
    const moved = { startsAt: at('09:30'), endsAt: at('15:30') }
    expect(agendaShiftToFit(moved, agenda)).toBe(30)
    expect(agendaShiftToFit(event, agenda)).toBeNull()
    // Too short for the agenda whichever way it moves.
    expect(agendaShiftToFit({ startsAt: at('09:30'), endsAt: at('14:00') }, agenda)).toBeNull()
  })
})
