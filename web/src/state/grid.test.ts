import { describe, expect, test } from 'vitest';
import type { GridCell } from '../api/types';
import {
  BLOCK_COLS, BLOCK_ROWS, DEFAULT_COL_WIDTH, MAX_COL_WIDTH, ROW_HEIGHT, blockRange, blocksFor, columnAt, columnOffsets,
  fitColumnWidths, move, visibleColumns, visibleRows,
} from './grid';

describe('virtualized grid', () => {
  test('only the rows on screen, with a margin, are drawn', () => {
    expect(visibleRows(0, 600, 10_000)).toEqual({ first: 0, last: Math.ceil(600 / ROW_HEIGHT) + 8 });
    const far = visibleRows(100_000 * ROW_HEIGHT, 600, 1_000_000);
    expect(far.first).toBe(100_000 - 8);
    expect(far.last - far.first).toBeLessThan(60);
    expect(visibleRows(0, 600, 10)).toEqual({ first: 0, last: 9 });
    expect(visibleRows(0, 600, 0).last).toBe(-1);
  });

  test('columns of different widths are found by position', () => {
    const offsets = columnOffsets([100, 50, 200, 80]);
    expect(offsets).toEqual([0, 100, 150, 350, 430]);
    expect(columnAt(offsets, 0)).toBe(0);
    expect(columnAt(offsets, 99)).toBe(0);
    expect(columnAt(offsets, 100)).toBe(1);
    expect(columnAt(offsets, 349)).toBe(2);
    expect(columnAt(offsets, 10_000)).toBe(3);
    const many = columnOffsets(new Array(1000).fill(100));
    expect(visibleColumns(many, 50_000, 1000)).toEqual({ first: 498, last: 512 });
  });

  test('the blocks covering the screen are fetched, each once', () => {
    expect(blocksFor({ first: 0, last: 40 }, { first: 0, last: 10 })).toEqual([{ row: 0, col: 0 }]);
    expect(blocksFor({ first: 95, last: 130 }, { first: 20, last: 30 })).toEqual([
      { row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 },
    ]);
    expect(blockRange({ row: 0, col: 0 })).toBe(`A1:Z${BLOCK_ROWS}`);
    expect(blockRange({ row: 2, col: 1 })).toBe('AA201:AZ300');
    expect(BLOCK_ROWS * BLOCK_COLS).toBeLessThanOrEqual(20_000);
  });

  test('column widths fit their numbers, within bounds', () => {
    const cells = [
      { row: 0, col: 0, type: 'text', display: 'A very long title that overflows into the next cells' },
      { row: 1, col: 1, type: 'number', display: '1,234,567.89' },
      { row: 2, col: 2, type: 'number', display: '1'.repeat(80) },
    ] as GridCell[];
    const w = fitColumnWidths(cells, 4);
    expect(w[0]).toBe(18 * 7 + 18);
    expect(w[1]).toBe(12 * 7 + 18);
    expect(w[2]).toBe(MAX_COL_WIDTH);
    expect(w[3]).toBe(DEFAULT_COL_WIDTH);
  });

  test('keys move the selection within the sheet', () => {
    expect(move(0, 0, 'ArrowUp', 10, 10)).toEqual({ row: 0, col: 0 });
    expect(move(0, 0, 'ArrowDown', 10, 10)).toEqual({ row: 1, col: 0 });
    expect(move(5, 5, 'Tab', 10, 10, true)).toEqual({ row: 5, col: 4 });
    expect(move(5, 9, 'ArrowRight', 10, 10)).toEqual({ row: 5, col: 9 });
    expect(move(5, 5, 'PageDown', 10, 10)).toEqual({ row: 9, col: 5 });
    expect(move(5, 5, 'Home', 10, 10)).toEqual({ row: 5, col: 0 });
    expect(BLOCK_COLS).toBe(26);
  });
});
