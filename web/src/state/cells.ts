// Cell references as Excel writes them: A1, $B$12, 'My Sheet'!C3, Sheet1!D4.

export interface CellAddress {
  sheet: string;
  row: number; // 0-based
  col: number; // 0-based
}

export function columnName(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseA1(text: string): { row: number; col: number } | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A sheet name as a reference writes it: quoted unless it is a plain word. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !A1.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatRef(address: CellAddress): string {
  return `${quoteSheet(address.sheet)}!${a1(address.row, address.col)}`;
}

/** Reads 'Sheet'!B3 or Sheet!B3; a reference without a sheet is on {@code defaultSheet}. */
export function parseRef(text: string, defaultSheet = ''): CellAddress | null {
  const t = text.trim().replace(/^=/, '');
  const bang = t.lastIndexOf('!');
  let sheet = defaultSheet;
  let cell = t;
  if (bang >= 0) {
    const s = t.slice(0, bang);
    cell = t.slice(bang + 1);
    sheet = s.startsWith("'") && s.endsWith("'") && s.length >= 2 ? s.slice(1, -1).replace(/''/g, "'") : s;
  }
  const rc = parseA1(cell);
  return rc ? { sheet, row: rc.row, col: rc.col } : null;
}

/** A key that is the same for every spelling of a cell: sheet names compare case-insensitively. */
export function cellKey(address: CellAddress): string {
  return `${address.sheet.toLowerCase()}!${address.row}:${address.col}`;
}

/** Whether two references name the same cell (with or without quotes and $). */
export function sameCell(a: string, b: string, defaultSheet = ''): boolean {
  const x = parseRef(a, defaultSheet);
  const y = parseRef(b, defaultSheet);
  return x !== null && y !== null && cellKey(x) === cellKey(y);
}

/** The cell of a result label, shown short: B12 on its own sheet, Sheet!B12 elsewhere. */
export function shortRef(text: string, currentSheet?: string): string {
  const r = parseRef(text);
  if (!r) return text;
  return r.sheet && r.sheet !== currentSheet ? formatRef(r) : a1(r.row, r.col);
}

/**
 * What a cell is called in its sheet: the nearest text to its left on the same row (the label a
 * model puts before a value, as in "3-Year NPV (20%)  200,404"), or null.
 */
export function rowLabel(cells: { row: number; col: number; type: string; display: string }[], row: number, col: number): string | null {
  let best: { col: number; text: string } | null = null;
  for (const c of cells) {
    if (c.row !== row || c.col >= col || c.type !== 'text' || !c.display.trim()) continue;
    if (!best || c.col > best.col) best = { col: c.col, text: c.display.trim() };
  }
  return best?.text ?? null;
}
