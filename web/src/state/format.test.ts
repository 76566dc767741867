import { describe, expect, test } from 'vitest';
import { elapsedSeconds, formatBytes, formatCompact, formatDuration, formatNumber, formatPercent, num } from './format';

describe('formatting', () => {
  test('non-finite numbers arrive as strings', () => {
    expect(num('NaN')).toBeNaN();
    expect(num('Infinity')).toBe(Infinity);
    expect(num(2.5)).toBe(2.5);
    expect(formatNumber('NaN')).toBe('—');
  });

  test('numbers keep the digits a table needs', () => {
    expect(formatNumber(246943.2314)).toBe('246,943');
    expect(formatNumber(-26051.97)).toBe('−26,052');
    expect(formatNumber(0.100000498)).toBe('0.1');
    expect(formatNumber(0.0204133)).toBe('0.02041');
    expect(formatNumber(3.14159, 3)).toBe('3.14');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.5e-9)).toBe('1.500e−9');
  });

  test('compact numbers for axes', () => {
    expect(formatCompact(1_250_000)).toBe('1.25M');
    expect(formatCompact(-35_000)).toBe('−35k');
    expect(formatCompact(0.15)).toBe('0.15');
    expect(formatCompact(2_000_000_000)).toBe('2B');
    expect(formatCompact(200_000)).toBe('200k');
    expect(formatCompact(1_000_000)).toBe('1M');
    expect(formatCompact(10_000)).toBe('10k');
  });

  test('durations, percentages and sizes in words', () => {
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(7800)).toBe('2 h 10 min');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatPercent(0.4567, 1)).toBe('45.7%');
    expect(formatBytes(127827)).toBe('125 KB');
    expect(elapsedSeconds('2026-01-01T00:00:00Z', '2026-01-01T00:00:12.5Z')).toBe(12.5);
    expect(elapsedSeconds(undefined)).toBeUndefined();
  });
});
