// The dashboard's two period charts on uPlot (small, canvas, no dependencies): stacked bars of on time /
// late / missing per period, and an indicator's line with the same period last year. Periods sit at
// x = 0, 1, 2, … and the axis writes their labels; values in vi-VN numbers. The chart follows its box's
// width (phone to print) and is rebuilt when the data or the language changes. This module is reached
// only from the dashboard page, so uPlot ships in the dashboard's lazy chunk, never with the form.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { createEffect, onCleanup } from 'solid-js';
import { formatNumber } from '../../format';

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  /** A dashed line (the same period last year). */
  dashed?: boolean;
}

export interface ChartProps {
  kind: 'stacked-bars' | 'lines';
  /** One label per period, in order (short: axisLabel). */
  labels: string[];
  series: ChartSeries[];
  height?: number;
  /** For screen readers: what the chart shows (the table beside it has the numbers). */
  title: string;
  decimals?: number;
}

/** A period id as an axis writes it, short enough for a phone: 11/2026, Q3/2026, S1/2026, 2026. */
export function axisLabel(id: string): string {
  let m = /^(\d{4})(\d{2})$/.exec(id);
  if (m) return `${m[2]}/${m[1]}`;
  m = /^(\d{4})([QSN])(\d)$/.exec(id);
  if (m) return `${m[2]}${m[3]}/${m[1]}`;
  return id;
}

const xAxis = (labels: string[]): uPlot.Axis => ({
  values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
  // uPlot skips splits closer than this, so labels never run into each other.
  space: Math.max(40, 7 * Math.max(0, ...labels.map((l) => l.length))),
  incrs: [1, 2, 3, 4, 6, 12],
  gap: 4,
  size: 36,
  font: '11px system-ui, sans-serif',
});

const yAxis = (decimals?: number): uPlot.Axis => ({
  values: (_u, splits) => splits.map((v) => formatNumber(v, decimals)),
  // Counts of reports step in whole numbers.
  ...(decimals === 0 ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] } : {}),
  size: 56,
  font: '11px system-ui, sans-serif',
});

/** Each series as the sum of itself and those after it, so bars drawn in order stack. */
function stackedData(series: ChartSeries[]): (number | null)[][] {
  const n = series[0]?.values.length ?? 0;
  return series.map((_s, i) => Array.from({ length: n }, (_x, k) => series.slice(i).reduce((sum, s) => sum + (s.values[k] ?? 0), 0)));
}

function optionsOf(props: ChartProps, width: number): uPlot.Options {
  const stacked = props.kind === 'stacked-bars';
  const bars = uPlot.paths.bars!({ size: [0.6, 48] });
  return {
    width,
    height: props.height ?? 220,
    title: undefined,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false }, points: { show: !stacked } },
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
      y: stacked ? { range: (_u, _min, max) => [0, Math.max(1, max)] } : {},
    },
    axes: [xAxis(props.labels), yAxis(props.decimals)],
    series: [
      {},
      ...props.series.map((s): uPlot.Series => ({
        label: s.label,
        stroke: s.color,
        width: stacked ? 0 : 2,
        ...(stacked ? { fill: s.color, paths: bars, points: { show: false } } : { points: { show: true, size: 6 }, spanGaps: false }),
        ...(s.dashed ? { dash: [6, 4] } : {}),
        value: (_u, _v, _si, idx) => (idx === null || idx === undefined ? '' : formatNumber(s.values[idx] ?? null)),
      })),
    ],
  };
}

export function PeriodChart(props: ChartProps) {
  let box!: HTMLDivElement;
  let chart: uPlot | undefined;
  const build = () => {
    chart?.destroy();
    const x = props.labels.map((_l, i) => i);
    const ys = props.kind === 'stacked-bars' ? stackedData(props.series) : props.series.map((s) => s.values);
    chart = new uPlot(optionsOf(props, Math.max(240, box.clientWidth)), [x, ...ys] as uPlot.AlignedData, box);
  };
  createEffect(build);
  // Follows the box: a phone turned sideways, a window resized, the page laid out for print.
  const observer = new ResizeObserver(() => {
    if (chart && Math.abs(chart.width - box.clientWidth) > 4) chart.setSize({ width: Math.max(240, box.clientWidth), height: props.height ?? 220 });
  });
  createEffect(() => observer.observe(box));
  const beforePrint = () => build();
  window.addEventListener('beforeprint', beforePrint);
  onCleanup(() => {
    observer.disconnect();
    window.removeEventListener('beforeprint', beforePrint);
    chart?.destroy();
  });
  return <div class="period-chart" ref={box} role="img" aria-label={props.title} />;
}
