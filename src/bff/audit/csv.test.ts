import { describe, expect, it } from 'vitest'

import { csvCell, toCsv } from './csv'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"')
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`)
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('writes empties, numbers and objects', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(42)).toBe('42')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
  })
})

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(
      toCsv(
        ['id', 'note'],
        [
          { id: 1, note: 'x, y' },
          { id: 2, note: null },
        ],
      ),
    ).toBe('id,note\r\n1,"x, y"\r\n2,\r\n')
  })
})
