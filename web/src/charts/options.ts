// The option of every chart Carlo draws, from the state layer's chart data.
import type { Convergence, DistributionPreview, Histogram, SummaryStatistics } from '../api/types';
import { formatCompact, formatNumber, formatPercent, num } from '../state/format';
import {
  type Bar, type Marker, type SpiderLine, convergenceBands, histogramBars, METRICS, type SensitivityMetric, spiderCategories,
} from '../state/results';
import type { EChartsOption } from './echarts';

export const PALETTE = ['#1f4e8c', '#d9822b', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#b7950b'];
const AXIS = {
  axisLine: { lineStyle: { color: '#c7d0db' } },
  axisLabel: { color: '#4a5568' },
  nameTextStyle: { color: '#6b7686' },
  splitLine: { lineStyle: { color: '#edf0f3' } },
};
const base = (): EChartsOption => ({
  color: PALETTE,
  animationDuration: 300,
  textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' },
});

/** Histogram bars on a value axis (each bar spans its bin exactly), with percentile markers. */
export function histogramOption(h: Pick<Histogram, 'edges' | 'counts'>, markers: Marker[], label: string): EChartsOption {
  const bars = histogramBars(h);
  const data = bars.map((b) => [b.from, b.to, b.share, b.count]);
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 28, bottom: 36 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value: number[] }) =>
        `${formatNumber(p.value[0])} … ${formatNumber(p.value[1])}<br/><b>${formatPercent(p.value[2], 1)}</b> of iterations (${p.value[3].toLocaleString('en-US')})`,
    },
    xAxis: { type: 'value', scale: true, name: label, nameLocation: 'middle', nameGap: 24, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', name: 'Share of iterations', ...AXIS, nameTextStyle: { color: '#6b7686', align: 'left' }, axisLabel: { ...AXIS.axisLabel, formatter: (v: number) => formatPercent(v, v < 0.1 ? 1 : 0) } },
    series: [
      {
        type: 'custom',
        name: 'Histogram',
        encode: { x: [0, 1], y: 2, tooltip: [2] },
        data,
        renderItem: (_params: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[]; style: (o?: object) => object }) => {
          const from = api.coord([api.value(0), api.value(2)]);
          const to = api.coord([api.value(1), 0]);
          return {
            type: 'rect',
            shape: { x: from[0] + 0.5, y: from[1], width: Math.max(1, to[0] - from[0] - 1), height: to[1] - from[1] },
            style: { fill: PALETTE[0], opacity: 0.85 },
          };
        },
      },
      {
        type: 'line',
        name: 'Percentiles',
        data: [],
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: PALETTE[1], type: 'dashed', width: 1.5 },
          label: { formatter: (p: { name: string }) => p.name, color: '#97570f', fontSize: 11 },
          data: markers.map((m) => ({ name: m.label, xAxis: m.value })),
        },
      },
    ],
  };
}

export function cdfOption(stats: SummaryStatistics, label: string): EChartsOption {
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 20, bottom: 36 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v, 1) },
    xAxis: { type: 'value', scale: true, name: label, nameLocation: 'middle', nameGap: 24, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', min: 0, max: 1, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: (v: number) => formatPercent(v) } },
    series: [
      {
        type: 'line',
        name: 'P(value ≤ x)',
        showSymbol: false,
        smooth: false,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.08 },
        data: stats.cdf.map((p) => [num(p.x), p.probability]),
      },
    ],
  };
}

/** Horizontal bars, the strongest input on top. */
export function tornadoOption(bars: Bar[], metric: SensitivityMetric, labelOf: (input: string) => string): EChartsOption {
  const rows = [...bars].reverse();
  const share = metric === 'contributionToVariance';
  return {
    ...base(),
    grid: { left: 8, right: 48, top: 12, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => (share ? formatPercent(v, 1) : v.toFixed(3)) },
    xAxis: {
      type: 'value',
      min: share ? 0 : -1,
      max: share ? undefined : 1,
      ...AXIS,
      axisLabel: { ...AXIS.axisLabel, formatter: (v: number) => (share ? formatPercent(v) : String(v)) },
      name: METRICS.find((m) => m.key === metric)?.short,
      nameLocation: 'middle',
      nameGap: 22,
    },
    yAxis: { type: 'category', data: rows.map((b) => labelOf(b.input)), ...AXIS, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: METRICS.find((m) => m.key === metric)?.short,
        barMaxWidth: 26,
        data: rows.map((b) => ({ value: b.value, itemStyle: { color: b.value >= 0 ? PALETTE[0] : PALETTE[4] } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => (share ? formatPercent(p.value, 1) : p.value.toFixed(2)), fontSize: 11, color: '#4a5568' },
      },
    ],
  };
}

export function spiderOption(lines: SpiderLine[], labelOf: (input: string) => string, output: string): EChartsOption {
  const categories = spiderCategories(lines[0]?.values.length ?? 10);
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 34, bottom: 64 },
    legend: { bottom: 0, type: 'scroll', formatter: labelOf },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
    xAxis: { type: 'category', data: categories, name: 'Input percentile', nameLocation: 'middle', nameGap: 26, ...AXIS, boundaryGap: false },
    yAxis: { type: 'value', scale: true, name: output, ...AXIS, nameTextStyle: { color: '#6b7686', align: 'left' }, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    series: lines.map((l) => ({ type: 'line', name: l.input, data: l.values, symbolSize: 5 })),
  };
}

export function scatterOption(x: number[], y: number[], inputLabel: string, outputLabel: string): EChartsOption {
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 16, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { value: number[] }) => `${inputLabel}: ${formatNumber(p.value[0])}<br/>${outputLabel}: ${formatNumber(p.value[1])}` },
    xAxis: { type: 'value', scale: true, name: inputLabel, nameLocation: 'middle', nameGap: 26, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', scale: true, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    series: [{ type: 'scatter', symbolSize: 4, itemStyle: { opacity: 0.45 }, data: x.map((v, i) => [v, y[i]]), large: true }],
  };
}

export function convergenceOption(c: Convergence): EChartsOption {
  const b = convergenceBands(c);
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 30, bottom: 40 },
    legend: { top: 0, data: [{ name: 'Mean' }, { name: '95% confidence band', icon: 'rect' }] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
    xAxis: { type: 'value', name: 'Iterations', nameLocation: 'middle', nameGap: 26, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', scale: true, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    series: [
      { type: 'line', name: 'lower', data: b.iterations.map((n, i) => [n, b.low[i]]), showSymbol: false, lineStyle: { opacity: 0 }, stack: 'band', silent: true, tooltip: { show: false } },
      {
        type: 'line',
        name: '95% confidence band',
        data: b.iterations.map((n, i) => [n, b.high[i] - b.low[i]]),
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: PALETTE[0], opacity: 0.3 },
        areaStyle: { color: PALETTE[0], opacity: 0.15 },
        stack: 'band',
        silent: true,
        tooltip: { show: false },
      },
      { type: 'line', name: 'Mean', data: b.iterations.map((n, i) => [n, b.mean[i]]), showSymbol: false, itemStyle: { color: PALETTE[0] }, lineStyle: { width: 2, color: PALETTE[0] } },
    ],
  };
}

/** A distribution's shape while its parameters are chosen: density area, or probability bars. */
export function previewOption(p: DistributionPreview): EChartsOption {
  const markers = [
    { name: 'P5', xAxis: num(p.p5) },
    { name: 'P95', xAxis: num(p.p95) },
  ].filter((m) => Number.isFinite(m.xAxis));
  return {
    ...base(),
    animation: false,
    grid: { left: 8, right: 12, top: 14, bottom: 22, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
    xAxis: p.discrete
      ? { type: 'category', data: p.x.map((x) => formatNumber(x)), ...AXIS }
      : { type: 'value', scale: true, min: p.x[0], max: p.x[p.x.length - 1], ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', show: false },
    series: p.discrete
      ? [{ type: 'bar', name: 'Probability', data: p.density, itemStyle: { color: PALETTE[2] }, barMaxWidth: 24 }]
      : [
          {
            type: 'line',
            name: 'Density',
            data: p.x.map((x, i) => [x, p.density[i]]),
            showSymbol: false,
            lineStyle: { color: PALETTE[2], width: 2 },
            areaStyle: { color: PALETTE[2], opacity: 0.18 },
            markLine: { symbol: 'none', silent: true, lineStyle: { color: '#97a3b3', type: 'dashed' }, label: { formatter: '{b}', fontSize: 10, color: '#6b7686' }, data: markers },
          },
        ],
  };
}

/** Two runs' histograms over each other, for the comparison. */
export function overlayOption(a: Pick<Histogram, 'edges' | 'counts'>, b: Pick<Histogram, 'edges' | 'counts'>, names: [string, string], label: string): EChartsOption {
  const line = (h: Pick<Histogram, 'edges' | 'counts'>) =>
    histogramBars(h).flatMap((bar) => [[bar.from, bar.share / Math.max(1e-300, bar.to - bar.from)], [bar.to, bar.share / Math.max(1e-300, bar.to - bar.from)]]);
  return {
    ...base(),
    grid: { left: 56, right: 20, top: 30, bottom: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toPrecision(3) },
    xAxis: { type: 'value', scale: true, name: label, nameLocation: 'middle', nameGap: 24, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: formatCompact } },
    yAxis: { type: 'value', show: true, ...AXIS, axisLabel: { show: false } },
    series: [
      { type: 'line', name: names[0], data: line(a), showSymbol: false, step: false, areaStyle: { opacity: 0.15 } },
      { type: 'line', name: names[1], data: line(b), showSymbol: false, step: false, areaStyle: { opacity: 0.15 } },
    ],
  };
}
