import { describe, expect, it } from 'vitest'
import { compareNames, foldForSearch, matchesSearch } from '~/domain/search'

describe('name search', () => {
  it('ignores case and accents, also for letters without a decomposition', () => {
    expect(foldForSearch('Zoë Çelik-Müller')).toBe('zoe celik-muller')
    expect(foldForSearch('Łukasz Øvergård Straße')).toBe('lukasz overgard strasse')
    expect(foldForSearch('BAĞCI İlknur')).toBe('bagci ilknur')
    expect(matchesSearch('celik', ['Zoë Çelik'])).toBe(true)
    expect(matchesSearch('ZOE', ['Zoë Çelik'])).toBe(true)
    expect(matchesSearch(' jose ', [null, 'José Álvarez'])).toBe(true)
    expect(matchesSearch('anna', ['Bram Jansen', undefined])).toBe(false)
  })

  it('sorts names as a Dutch list: accents and case do not decide', () => {
    expect(['Zoë', 'émile', 'Anna', 'Ölçer', 'bram'].sort(compareNames)).toEqual([
      'Anna',
      'bram',
      'émile',
      'Ölçer',
      'Zoë',
    ])
  })
})
