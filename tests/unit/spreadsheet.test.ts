import { describe, expect, it } from 'vitest'
import { readSpreadsheet, SpreadsheetError, toCsv, toXlsx, type Column } from '~/utils/spreadsheet.server'

type Person = { name: string; email: string; seats: number }
const columns: Column<Person>[] = [
  { header: 'Naam', value: (p) => p.name },
  { header: 'E-mailadres', value: (p) => p.email },
  { header: 'Plaatsen', value: (p) => p.seats },
]
const people: Person[] = [
  { name: 'Anne de Vries; Fraude', email: 'anne@example.org', seats: 2 },
  { name: '=HYPERLINK("http://evil.example")', email: 'b@example.org', seats: 1 },
  { name: 'Zoë "Zo" Çelik', email: 'zoe@example.org', seats: 0 },
]

describe('spreadsheets', () => {
  it('writes CSV as Dutch Excel reads it and reads it back', async () => {
    const csv = toCsv(columns, people)
    expect(csv.startsWith('\uFEFFNaam;E-mailadres;Plaatsen\r\n')).toBe(true)
    const table = await readSpreadsheet('lijst.csv', new TextEncoder().encode(csv))
    expect(table.headers).toEqual(['Naam', 'E-mailadres', 'Plaatsen'])
    expect(table.rows[0]).toEqual(['Anne de Vries; Fraude', 'anne@example.org', '2'])
    // A formula is written as text, never as something Excel would run.
    expect(table.rows[1]![0]).toBe(`'=HYPERLINK("http://evil.example")`)
    expect(table.rows[2]![0]).toBe('Zoë "Zo" Çelik')
  })

  it('writes XLSX and reads it back, strings stay strings', async () => {
    const bytes = await toXlsx('Contacten', columns, people)
    const table = await readSpreadsheet('lijst.xlsx', bytes)
    expect(table.headers).toEqual(['Naam', 'E-mailadres', 'Plaatsen'])
    expect(table.rows).toEqual([
      ['Anne de Vries; Fraude', 'anne@example.org', '2'],
      ['=HYPERLINK("http://evil.example")', 'b@example.org', '1'],
      ['Zoë "Zo" Çelik', 'zoe@example.org', '0'],
    ])
  })

  it('reads comma CSV in Windows-1252 and pads short rows', async () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('naam,e-mail\r\nRen', 'latin1'),
      0xe9,
      ...Buffer.from(',r@example.org\r\nKort\r\n', 'latin1'),
    ])
    const table = await readSpreadsheet('oud.csv', bytes)
    expect(table.rows).toEqual([
      ['René', 'r@example.org'],
      ['Kort', ''],
    ])
  })

  it('refuses what it cannot read', async () => {
    await expect(readSpreadsheet('leeg.csv', new Uint8Array())).rejects.toBeInstanceOf(SpreadsheetError)
    await expect(readSpreadsheet('kapot.xlsx', Uint8Array.from([0x50, 0x4b, 1, 2]))).rejects.toThrow('unreadable')
    await expect(readSpreadsheet('foto.jpg', Uint8Array.from([1, 2]))).rejects.toThrow('unsupported')
  })
})
