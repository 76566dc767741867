// The spreadsheet view's geometry: which rows and columns are on screen (only those are drawn),
// which blocks of cells to fetch for them, and column widths that fit the content.
import type { GridCell } from '../api/types';
import { a1 } from './cells';

export const ROW_HEIGHT = 24;
export const DEFAULT_COL_WIDTH = 96;
export const MIN_COL_WIDTH = 56;
export const MAX_COL_WIDTH = 320;
/** Cells are fetched in blocks of this many rows and columns (2,600 cells, well under the server's 20,000). */
export const BLOCK_ROWS = 100;
export const BLOCK_COLS = 26;
const OVERSCAN_ROWS = 8;
const OVERSCAN_COLS = 2;

export interface Span {
  first: number;
  last: number; // inclusive; last < first when empty
}

/** Rows on screen for a scroll position, with a few more on each side for smooth scrolling. */
export function visibleRows(scrollTop: number, height: number, rowCount: number): Span {
  if (rowCount <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN_ROWS);
  return { first, last };
}

/** Left edge of each column and the total width after the last: offsets[i] is where column i starts. */
export function columnOffsets(widths: number[]): number[] {
  const offsets = new Array<number>(widths.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < widths.length; i++) offsets[i + 1] = offsets[i] + widths[i];
  return offsets;
}

/** The column containing x (binary search on the offsets). */
export function columnAt(offsets: number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function visibleColumns(offsets: number[], scrollLeft: number, width: number): Span {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, columnAt(offsets, scrollLeft) - OVERSCAN_COLS);
  const last = Math.min(count - 1, columnAt(offsets, scrollLeft + width) + OVERSCAN_COLS);
  return { first, last };
}

export interface Block {
  row: number; // block index
  col: number;
}

export function blockKey(sheet: number, b: Block): string {
  return `${sheet}:${b.row}:${b.col}`;
}

/** The blocks that cover the given rows and columns. */
export function blocksFor(rows: Span, cols: Span): Block[] {
  const out: Block[] = [];
  if (rows.last < rows.first || cols.last < cols.first) return out;
  for (let r = Math.floor(rows.first / BLOCK_ROWS); r <= Math.floor(rows.last / BLOCK_ROWS); r++) {
    for (let c = Math.floor(cols.first / BLOCK_COLS); c <= Math.floor(cols.last / BLOCK_COLS); c++) {
      out.push({ row: r, col: c });
    }
  }
  return out;
}

/** A block as the range the server is asked for, e.g. A1:Z100. */
export function blockRange(b: Block): string {
  return `${a1(b.row * BLOCK_ROWS, b.col * BLOCK_COLS)}:${a1((b.row + 1) * BLOCK_ROWS - 1, (b.col + 1) * BLOCK_COLS - 1)}`;
}

/**
 * Column widths that fit the text shown in the first rows (about 7 pixels a character), between
 * a minimum and a maximum; long text in a cell with empty neighbours overflows as in Excel.
 */
export function fitColumnWidths(cells: GridCell[], columnCount: number): number[] {
  const chars = new Array<number>(columnCount).fill(0);
  for (const c of cells) {
    if (c.col >= columnCount || c.row >= BLOCK_ROWS) continue;
    // text labels may overflow into empty neighbours, so they weigh less than numbers
    const length = c.type === 'text' ? Math.min(c.display.length, 18) : c.display.length;
    chars[c.col] = Math.max(chars[c.col], length);
  }
  return chars.map((n) => (n === 0 ? DEFAULT_COL_WIDTH : Math.max(MIN_COL_WIDTH, Math.min(MAX_COL_WIDTH, n * 7 + 18))));
}

/** The cell to select after an arrow key, Tab or Enter, kept inside the sheet. */
export function move(row: number, col: number, key: string, rows: number, cols: number, shift = false): { row: number; col: number } {
  let r = row;
  let c = col;
  switch (key) {
    case 'ArrowUp':
      r--;
      break;
    case 'ArrowDown':
    case 'Enter':
      r += key === 'Enter' && shift ? -1 : 1;
      break;
    case 'ArrowLeft':
      c--;
      break;
    case 'ArrowRight':
      c++;
      break;
    case 'Tab':
      c += shift ? -1 : 1;
      break;
    case 'PageDown':
      r += 20;
      break;
    case 'PageUp':
      r -= 20;
      break;
    case 'Home':
      c = 0;
      break;
  }
  return { row: Math.max(0, Math.min(rows - 1, r)), col: Math.max(0, Math.min(cols - 1, c)) };
}
