import { describe, expect, test } from 'vitest';
import { a1, columnIndex, columnName, formatRef, parseA1, parseRef, quoteSheet, rowLabel, sameCell, shortRef } from './cells';

describe('cell references', () => {
  test('columns are lettered like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    for (const i of [0, 25, 26, 51, 700, 16383]) expect(columnIndex(columnName(i))).toBe(i);
    expect(a1(11, 1)).toBe('B12');
  });

  test('A1 references read with or without $', () => {
    expect(parseA1('$B$12')).toEqual({ row: 11, col: 1 });
    expect(parseA1('aa3')).toEqual({ row: 2, col: 26 });
    expect(parseA1('B')).toBeNull();
    expect(parseA1('12')).toBeNull();
  });

  test('sheet names are quoted when they need it', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('WIZEMICE Likest')).toBe("'WIZEMICE Likest'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(formatRef({ sheet: 'WIZEMICE Likest', row: 3, col: 5 })).toBe("'WIZEMICE Likest'!F4");
  });

  test('references with sheets parse back', () => {
    expect(parseRef("'WIZEMICE Likest'!$F$4")).toEqual({ sheet: 'WIZEMICE Likest', row: 3, col: 5 });
    expect(parseRef("'Bob''s'!A1")).toEqual({ sheet: "Bob's", row: 0, col: 0 });
    expect(parseRef('Model!C3')).toEqual({ sheet: 'Model', row: 2, col: 2 });
    expect(parseRef('C3', 'Model')).toEqual({ sheet: 'Model', row: 2, col: 2 });
    expect(parseRef('Revenue')).toBeNull();
  });

  test('the same cell in any spelling', () => {
    expect(sameCell("'Model'!$B$3", 'model!B3')).toBe(true);
    expect(sameCell("'Model'!B3", 'Model!B4')).toBe(false);
    expect(sameCell('B3', "'Model'!B3", 'Model')).toBe(true);
    expect(shortRef("'WIZEMICE Likest'!B12", 'WIZEMICE Likest')).toBe('B12');
    expect(shortRef("'WIZEMICE Likest'!B12", 'BOM')).toBe("'WIZEMICE Likest'!B12");
    expect(shortRef('Price')).toBe('Price');
  });

  test('a cell is named by the nearest text to its left', () => {
    const cells = [
      { row: 11, col: 0, type: 'text', display: '3-Year NPV (20%)' },
      { row: 11, col: 1, type: 'number', display: '200,404' },
      { row: 11, col: 2, type: 'text', display: 'Net Present Value' },
      { row: 3, col: 4, type: 'text', display: 'Phase 1 Growth Rate (M1-M6)' },
      { row: 3, col: 2, type: 'text', display: 'Formula/Notes' },
    ];
    expect(rowLabel(cells, 11, 1)).toBe('3-Year NPV (20%)');
    expect(rowLabel(cells, 3, 5)).toBe('Phase 1 Growth Rate (M1-M6)');
    expect(rowLabel(cells, 11, 0)).toBeNull();
    expect(rowLabel(cells, 7, 5)).toBeNull();
  });
});
