// The programme follows its event to another day at the same wall-clock times; other hours move nothing.
import { describe, expect, test } from 'vitest'
import { itemsFollowingEventDay } from '~/domain/agenda'

const zone = 'Europe/Amsterdam'
const item = { id: 'a', startsAt: new Date('2027-03-10T10:00:00Z'), endsAt: new Date('2027-03-10T11:00:00Z') }

describe('itemsFollowingEventDay', () => {
  test('a move across the start of summer time keeps 11.00–12.00 local', () => {
    const moves = itemsFollowingEventDay(
      [item],
      { startsAt: new Date('2027-03-10T09:00:00Z') },
      { startsAt: new Date('2027-03-31T08:00:00Z'), timeZone: zone },
    )
    expect(moves.get('a')).toEqual({
      startsAt: new Date('2027-03-31T09:00:00Z'),
      endsAt: new Date('2027-03-31T10:00:00Z'),
    })
  })

  test('earlier days too; other hours on the same day move nothing', () => {
    const earlier = itemsFollowingEventDay(
      [item],
      { startsAt: new Date('2027-03-10T09:00:00Z') },
      { startsAt: new Date('2027-03-08T09:00:00Z'), timeZone: zone },
    )
    expect(earlier.get('a')!.startsAt).toEqual(new Date('2027-03-08T10:00:00Z'))
    // 23.30 local is still the same day, though it is the next day in UTC.
    const sameDay = itemsFollowingEventDay(
      [item],
      { startsAt: new Date('2027-03-10T09:00:00Z') },
      { startsAt: new Date('2027-03-10T22:30:00Z'), timeZone: zone },
    )
    expect(sameDay.size).toBe(0)
  })
})
