/** CSV as RFC 4180 writes it, for the CLI's `--format csv` and the chart's Export CSV. */

/** A field with a comma, quote, CR or LF is quoted, its quotes doubled; any other is left as it is. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records of fields joined by commas, each record ending in CRLF. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(quoteCsvField).join(',')).join('\r\n') + '\r\n';
}
