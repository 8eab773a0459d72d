/** CSV as RFC 4180 writes it, for the CLI's `--format csv` and the chart's Export CSV. */

/** A field with a comma, quote, CR or LF is quoted, its quotes doubled; any other is left as it is. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A text cell with spreadsheet formulas defused: owner ids and names are arbitrary text, and a cell
 * starting with `=`, `+`, `-`, `@`, a tab or a CR would run as a formula in Excel and its kin, so
 * it gets a leading `'` (shown as text, the apostrophe hidden). Figures are counts, never negative,
 * so numbers are not affected. The one rule of both the chart's export and the CLI.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Records of fields joined by commas, each record ending in CRLF. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(quoteCsvField).join(',')).join('\r\n') + '\r\n';
}
