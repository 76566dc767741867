// The data behind the results page's tables and charts, taken from the results JSON.
import type { Convergence, Histogram, Num, OutputSummary, Results, Sensitivity, SummaryStatistics } from '../api/types';
import { sameCell } from './cells';
import { formatNumber, formatPercent, num } from './format';

export type SensitivityMetric = 'rankCorrelation' | 'regressionCoefficient' | 'contributionToVariance';

export const METRICS: { key: SensitivityMetric; label: string; short: string }[] = [
  { key: 'rankCorrelation', label: 'Rank correlation (Spearman)', short: 'Rank correlation' },
  { key: 'regressionCoefficient', label: 'Standardized regression coefficient', short: 'Regression' },
  { key: 'contributionToVariance', label: 'Contribution to variance', short: 'Contribution to variance' },
];

export interface Bar {
  input: string;
  value: number;
}

/** Inputs by how strongly they drive the output on a metric, strongest first. */
export function sensitivityBars(sensitivity: Sensitivity[], metric: SensitivityMetric, limit = 12): Bar[] {
  return sensitivity
    .map((s) => ({ input: s.input, value: num(s[metric]) }))
    .filter((b) => Number.isFinite(b.value))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, limit);
}

/** The spider chart's x axis: the input's ten equal-probability bins, by their middle percentile. */
export function spiderCategories(bins: number): string[] {
  return Array.from({ length: bins }, (_, i) => `${Math.round(((i + 0.5) * 100) / bins)}%`);
}

export interface SpiderLine {
  input: string;
  values: number[];
}

/** Output mean per input bin, for the inputs that move the output most (by the spread of their line). */
export function spiderLines(sensitivity: Sensitivity[], limit = 8): SpiderLine[] {
  return sensitivity
    .map((s) => ({ input: s.input, values: s.binMeans.map(num) }))
    .filter((l) => l.values.length > 0)
    .map((l) => ({ ...l, spread: Math.max(...l.values) - Math.min(...l.values) }))
    .sort((a, b) => b.spread - a.spread)
    .slice(0, limit)
    .map(({ input, values }) => ({ input, values }));
}

export interface HistogramBar {
  from: number;
  to: number;
  count: number;
  /** Share of the counted iterations. */
  share: number;
}

export function histogramBars(h: Pick<Histogram, 'edges' | 'counts'>): HistogramBar[] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  return h.counts.map((count, i) => ({
    from: num(h.edges[i]),
    to: num(h.edges[i + 1]),
    count,
    share: total > 0 ? count / total : 0,
  }));
}

export interface Marker {
  label: string;
  value: number;
}

/** Percentile markers for the histogram, from the results' percentiles 1..99. */
export function percentileMarkers(stats: SummaryStatistics, percentiles: number[]): Marker[] {
  return percentiles
    .map((p) => ({ label: `P${p}`, value: num(stats.percentiles[String(p)]) }))
    .filter((m) => Number.isFinite(m.value));
}

export interface StatRow {
  label: string;
  value: string;
  raw: number;
}

export function statisticsRows(stats: SummaryStatistics): StatRow[] {
  const row = (label: string, x: Num, f: (v: Num) => string = (v) => formatNumber(v, 5)): StatRow => ({ label, value: f(x), raw: num(x) });
  const p = (k: number) => stats.percentiles[String(k)];
  const rows = [
    row('Mean', stats.mean),
    row('95% CI of the mean', stats.meanCiLow, () => `${formatNumber(stats.meanCiLow, 5)} … ${formatNumber(stats.meanCiHigh, 5)}`),
    row('Standard deviation', stats.stdDev),
    row('Minimum', stats.min),
    row('5th percentile', p(5)),
    row('Median', p(50)),
    row('95th percentile', p(95)),
    row('Maximum', stats.max),
    row('Mode', stats.mode),
    row('Skewness', stats.skewness, (v) => formatNumber(v, 3)),
    row('Excess kurtosis', stats.kurtosis, (v) => formatNumber(v, 3)),
    row('Iterations', stats.iterations, (v) => num(v).toLocaleString('en-US')),
    row('Errors', stats.errors, (v) => (num(v) === 0 ? 'none' : `${num(v).toLocaleString('en-US')} (${formatPercent(num(v) / stats.iterations, 1)})`)),
  ];
  for (const t of stats.tailRisks ?? []) {
    rows.push(row(`VaR ${formatPercent(t.level)}`, t.valueAtRisk));
    rows.push(row(`CVaR ${formatPercent(t.level)}`, t.conditionalValueAtRisk));
  }
  return rows;
}

/** Running mean with its 95% band, for the convergence chart. */
export function convergenceBands(c: Convergence): { iterations: number[]; mean: number[]; low: number[]; high: number[] } {
  const mean = c.mean.map(num);
  const se = c.meanStdError.map(num);
  return {
    iterations: c.iterations,
    mean,
    low: mean.map((m, i) => m - 1.96 * se[i]),
    high: mean.map((m, i) => m + 1.96 * se[i]),
  };
}

export interface ComparedOutput {
  cell: string;
  a?: OutputSummary;
  b?: OutputSummary;
}

/** Outputs of two runs side by side, matched by cell; an output of one run only stands alone. */
export function compareOutputs(a: Results, b: Results): ComparedOutput[] {
  const out: ComparedOutput[] = a.outputs.map((o) => ({ cell: o.cell, a: o, b: b.outputs.find((x) => sameCell(x.cell, o.cell) || x.cell === o.cell) }));
  for (const o of b.outputs) {
    if (!out.some((c) => c.b === o)) out.push({ cell: o.cell, b: o });
  }
  return out;
}

export interface ComparedRow {
  label: string;
  a: string;
  b: string;
  change: string;
}

const COMPARED: [string, (s: SummaryStatistics) => Num][] = [
  ['Mean', (s) => s.mean],
  ['Standard deviation', (s) => s.stdDev],
  ['5th percentile', (s) => s.percentiles['5']],
  ['Median', (s) => s.percentiles['50']],
  ['95th percentile', (s) => s.percentiles['95']],
  ['Minimum', (s) => s.min],
  ['Maximum', (s) => s.max],
];

export function comparedRows(a?: SummaryStatistics, b?: SummaryStatistics): ComparedRow[] {
  return COMPARED.map(([label, f]) => {
    const x = a ? num(f(a)) : NaN;
    const y = b ? num(f(b)) : NaN;
    const diff = y - x;
    const relative = x !== 0 && Number.isFinite(diff) ? ` (${diff >= 0 ? '+' : '−'}${formatPercent(Math.abs(diff / x), 1)})` : '';
    return {
      label,
      a: formatNumber(x, 5),
      b: formatNumber(y, 5),
      change: !Number.isFinite(diff) ? '—' : diff === 0 ? 'same' : `${diff > 0 ? '+' : ''}${formatNumber(diff, 4)}${relative}`,
    };
  });
}

/** A label for an output or input: its name when the workbook gave one, else its cell. */
export function labelOf(item: { cell: string; name?: string }): string {
  return item.name && item.name !== item.cell ? `${item.name} (${item.cell})` : item.cell;
}
