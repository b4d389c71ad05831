// RFC 4180 CSV for the audit export. A cell that a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, so opening
// the export never runs anything (OWASP "CSV Injection").

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A header row and one row per record, CRLF line ends as RFC 4180 has them. */
export function toCsv<K extends string>(
  columns: readonly K[],
  rows: readonly Record<K, unknown>[],
): string {
  const lines = [columns.map(csvCell).join(',')]
  for (const row of rows)
    lines.push(columns.map((c) => csvCell(row[c])).join(','))
  return `${lines.join('\r\n')}\r\n`
}
