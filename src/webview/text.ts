/**
 * Filling the host's localized labels. No DOM here, so the pure mapping that uses it is
 * unit-tested in Node.
 */

/** Fills `{name}` placeholders in a localized label. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
