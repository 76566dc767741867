// Numbers and times as people read them.
import type { Num } from '../api/types';

/** A number from the server, where NaN and infinities arrive as strings. */
export function num(x: Num | null | undefined): number {
  if (typeof x === 'number') return x;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  return NaN;
}

/**
 * A value with as many significant digits as a table needs: thousands separators for large
 * values, four significant digits for small ones, scientific notation at the extremes.
 */
export function formatNumber(x: Num | null | undefined, digits = 4): string {
  const v = num(x);
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e15 || a < 1e-6) return v.toExponential(digits - 1).replace('-', '−');
  let text: string;
  if (a >= 1000) {
    text = v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  } else {
    const decimals = Math.max(0, Math.min(10, digits - 1 - Math.floor(Math.log10(a))));
    text = v.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  }
  return text.replace(/^-/, '−');
}

/** A short form for chart axes: 1.2M, 35k, 0.15. */
export function formatCompact(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}${trim(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}${trim(a / 1e6)}M`;
  if (a >= 1e4) return `${sign}${trim(a / 1e3)}k`;
  return formatNumber(x, 3);
}

function trim(v: number): string {
  const text = v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function formatPercent(fraction: number, decimals = 0): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(decimals)}%`;
}

export function formatInteger(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
}

/** A duration in words: 45 s, 3 min 5 s, 2 h 10 min. */
export function formatDuration(seconds: number | undefined | null): string {
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A timestamp as a short local date and time. */
export function formatTime(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const sameDay = d.toDateString() === now.toDateString();
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return `today ${time}`;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ${time}`;
}

/** Seconds between two timestamps, or until now for a run still going. */
export function elapsedSeconds(from?: string, to?: string, now: number = Date.now()): number | undefined {
  if (!from) return undefined;
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : undefined;
}
