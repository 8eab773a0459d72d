/**
 * Reads owner names from a CSV: user ID and name per row, header optional, UTF-8 with or without
 * BOM, comma or tab separated, quoted fields as spreadsheets write them. A header that names its
 * columns (the admin console's member export: 姓名, 账号, …) picks them; without one the first
 * column is the user ID and the second the name. No vscode here (unit-tested in Node).
 */

export type OwnerNamesCsvProblem =
  | { readonly kind: 'notUtf8' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unterminatedQuote'; readonly line: number }
  | { readonly kind: 'tooFewColumns'; readonly line: number }
  | { readonly kind: 'emptyId'; readonly line: number };

export type OwnerNamesCsvResult =
  | { readonly ok: true; readonly names: Readonly<Record<string, string>>; readonly rows: number }
  | { readonly ok: false; readonly problem: OwnerNamesCsvProblem };

const ID_HEADERS = ['userid', 'user id', 'user_id', 'account', '账号', '帐号', '成员账号', '成员帐号', 'id'];
const NAME_HEADERS = ['name', 'display name', '姓名', '名称', '名字', '成员姓名'];

/** Splits CSV text into rows of fields, with the 1-based line each row starts on. */
function parseRows(text: string, separator: string): { rows: { line: number; fields: string[] }[] } | number {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
        if (c === '\n') {
          line++;
        }
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) {
    return quoteLine;
  }
  fields.push(field);
  rows.push({ line: rowLine, fields });
  return { rows: rows.filter((row) => row.fields.some((f) => f.trim() !== '')) };
}

function headerIndex(fields: readonly string[], names: readonly string[]): number {
  return fields.findIndex((f) => names.includes(f.trim().toLowerCase()));
}

export function parseOwnerNamesCsv(bytes: Uint8Array): OwnerNamesCsvResult {
  let text: string;
  try {
    // `fatal`: a GBK file (Excel's default "CSV" in Chinese Windows) is refused, not garbled.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: { kind: 'notUtf8' } };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const parsed = parseRows(text, firstLine.includes('\t') ? '\t' : ',');
  if (typeof parsed === 'number') {
    return { ok: false, problem: { kind: 'unterminatedQuote', line: parsed } };
  }
  let rows = parsed.rows;
  if (rows.length === 0) {
    return { ok: false, problem: { kind: 'empty' } };
  }
  let idColumn = headerIndex(rows[0].fields, ID_HEADERS);
  let nameColumn = headerIndex(rows[0].fields, NAME_HEADERS);
  if (idColumn >= 0 && nameColumn >= 0) {
    rows = rows.slice(1);
  } else {
    idColumn = 0;
    nameColumn = 1;
  }
  // A Map, so an id like "__proto__" is a plain entry.
  const names = new Map<string, string>();
  for (const { line, fields } of rows) {
    if (fields.length <= Math.max(idColumn, nameColumn)) {
      return { ok: false, problem: { kind: 'tooFewColumns', line } };
    }
    const id = fields[idColumn].trim();
    const name = fields[nameColumn].trim();
    if (!id) {
      return { ok: false, problem: { kind: 'emptyId', line } };
    }
    if (name) {
      names.set(id, name); // a row without a name adds nothing; a later row wins over an earlier one
    }
  }
  if (names.size === 0) {
    return { ok: false, problem: { kind: 'empty' } };
  }
  return { ok: true, names: Object.fromEntries(names), rows: rows.length };
}

/** What merging `imported` into `current` changes: the merged map and how many names are new or changed. */
export function mergeOwnerNames(
  current: Readonly<Record<string, string>>,
  imported: Readonly<Record<string, string>>,
): { readonly merged: Record<string, string>; readonly added: number; readonly changed: number } {
  let added = 0;
  let changed = 0;
  for (const [id, name] of Object.entries(imported)) {
    if (!Object.hasOwn(current, id)) {
      added++;
    } else if (current[id] !== name) {
      changed++;
    }
  }
  return { merged: { ...current, ...imported }, added, changed };
}
