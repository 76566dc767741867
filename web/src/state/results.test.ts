import { describe, expect, test } from 'vitest';
import type { OutputSummary, Results, Sensitivity, SummaryStatistics } from '../api/types';
import {
  compareOutputs, comparedRows, convergenceBands, histogramBars, labelOf, percentileMarkers, sensitivityBars,
  spiderCategories, spiderLines, statisticsRows,
} from './results';

const sens = (input: string, rank: number, reg: number, share: number, bins: number[]): Sensitivity => ({
  input, rankCorrelation: rank, regressionCoefficient: reg, contributionToVariance: share, binMeans: bins,
  tornadoLow: bins[0], tornadoHigh: bins[bins.length - 1],
});

function stats(mean: number, p5: number, p50: number, p95: number): SummaryStatistics {
  const percentiles: Record<string, number> = {};
  for (let k = 1; k <= 99; k++) percentiles[String(k)] = mean + (k - 50);
  percentiles['5'] = p5;
  percentiles['50'] = p50;
  percentiles['95'] = p95;
  return {
    iterations: 1000, errors: 0, count: 1000, mean, stdDev: 10, variance: 100, skewness: 0.1, kurtosis: 'NaN',
    min: p5 - 10, max: p95 + 10, mode: p50, meanCiLow: mean - 1, meanCiHigh: mean + 1, percentiles,
    histogram: { edges: [0, 1, 2], counts: [3, 1] }, cdf: [], targets: [], tailRisks: [{ level: 0.95, valueAtRisk: p5, conditionalValueAtRisk: p5 - 5 }],
  };
}

describe('results', () => {
  const s = [sens('F4', 0.75, 0.75, 0.59, [1, 2, 3]), sens('F5', -0.52, -0.6, 0.28, [5, 4, 3.5]), sens('F6', 0.01, 'NaN' as unknown as number, 0.13, [2, 2, 2])];

  test('tornado bars by the chosen metric, strongest first, leaving out what is not a number', () => {
    expect(sensitivityBars(s, 'rankCorrelation')).toEqual([{ input: 'F4', value: 0.75 }, { input: 'F5', value: -0.52 }, { input: 'F6', value: 0.01 }]);
    expect(sensitivityBars(s, 'regressionCoefficient').map((b) => b.input)).toEqual(['F4', 'F5']);
    expect(sensitivityBars(s, 'contributionToVariance', 2).map((b) => b.value)).toEqual([0.59, 0.28]);
  });

  test('spider lines for the inputs that move the output most', () => {
    expect(spiderCategories(10)).toEqual(['5%', '15%', '25%', '35%', '45%', '55%', '65%', '75%', '85%', '95%']);
    expect(spiderLines(s, 2)).toEqual([{ input: 'F4', values: [1, 2, 3] }, { input: 'F5', values: [5, 4, 3.5] }]);
  });

  test('histogram bars carry their share; markers come from the percentiles', () => {
    expect(histogramBars({ edges: [0, 1, 2], counts: [3, 1] })).toEqual([
      { from: 0, to: 1, count: 3, share: 0.75 }, { from: 1, to: 2, count: 1, share: 0.25 },
    ]);
    expect(percentileMarkers(stats(100, 80, 99, 120), [5, 50, 95])).toEqual([
      { label: 'P5', value: 80 }, { label: 'P50', value: 99 }, { label: 'P95', value: 120 },
    ]);
  });

  test('the statistics table reads as words and numbers', () => {
    const rows = statisticsRows(stats(246943.23, -26051.97, 228475.45, 571393.29));
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    expect(byLabel['Mean']).toBe('246,943');
    expect(byLabel['Median']).toBe('228,475');
    expect(byLabel['5th percentile']).toBe('−26,052');
    expect(byLabel['Excess kurtosis']).toBe('—');
    expect(byLabel['Errors']).toBe('none');
    expect(byLabel['VaR 95%']).toBe('−26,052');
  });

  test('convergence band is the mean ± 1.96 standard errors', () => {
    const b = convergenceBands({ iterations: [100, 200], mean: [10, 11], meanStdError: [1, 0.5], p5StdError: [], p50StdError: [], p95StdError: [] });
    expect(b.low).toEqual([10 - 1.96, 11 - 0.98]);
    expect(b.high).toEqual([10 + 1.96, 11 + 0.98]);
  });

  test('two runs compare output by output, with the change', () => {
    const out = (cell: string, mean: number): OutputSummary => ({ cell, statistics: stats(mean, mean - 20, mean, mean + 20), sensitivity: [] });
    const a = { outputs: [out("'M'!B12", 100), out("'M'!B9", 5)] } as Results;
    const b = { outputs: [out('M!B12', 110), out("'M'!C1", 1)] } as Results;
    const pairs = compareOutputs(a, b);
    expect(pairs.map((p) => [p.cell, !!p.a, !!p.b])).toEqual([["'M'!B12", true, true], ["'M'!B9", true, false], ["'M'!C1", false, true]]);
    const rows = comparedRows(pairs[0].a!.statistics, pairs[0].b!.statistics);
    expect(rows[0]).toEqual({ label: 'Mean', a: '100', b: '110', change: '+10 (+10.0%)' });
    expect(comparedRows(pairs[1].a!.statistics, undefined)[0].b).toBe('—');
    expect(comparedRows(pairs[0].a!.statistics, pairs[0].a!.statistics)[0].change).toBe('same');
    expect(labelOf({ cell: "'M'!B12", name: 'NPV' })).toBe("NPV ('M'!B12)");
    expect(labelOf({ cell: "'M'!B12", name: "'M'!B12" })).toBe("'M'!B12");
  });
});
