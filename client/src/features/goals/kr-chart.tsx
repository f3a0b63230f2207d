import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface KrChartProps {
  /** Oldest first. */
  points: readonly { date: string; value: number }[];
  start: number;
  target: number;
  periodStart: string;
  dueDate: string;
  label: string;
}

const DAY = 86_400;
const tick = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const toSec = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * Value over time against the target line, from the goal's start to its due date. uPlot is small and fast,
 * and this module is loaded only when a goal's detail opens, so it stays out of the first page load.
 */
export default function KrChart({ points, start, target, periodStart, dueDate, label }: KrChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const first = Math.min(toSec(periodStart), ...points.map((p) => toSec(p.date)));
    const last = Math.max(toSec(dueDate), ...points.map((p) => toSec(p.date)), first + DAY);
    const xs = [first, ...points.map((p) => toSec(p.date)), last];
    const values = [start, ...points.map((p) => p.value), null];
    const targets = xs.map(() => target);
    const brand = cssVar('--primary', '#1d5c4d');
    const muted = cssVar('--muted', '#5b6561');
    const accent = cssVar('--accent', '#f2b632');
    const plot = new uPlot(
      {
        width: el.clientWidth || 320,
        height: 160,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true } },
        axes: [
          {
            stroke: muted,
            grid: { show: false },
            ticks: { show: false },
            size: 28,
            values: (_u, splits) => splits.map((s) => tick.format(new Date(s * 1000))),
          },
          { stroke: muted, grid: { stroke: 'rgba(128,128,128,0.15)' }, ticks: { show: false }, size: 44 },
        ],
        series: [
          {},
          { label: 'Value', stroke: brand, width: 2.5, points: { show: true, size: 7, fill: brand }, spanGaps: true },
          { label: 'Target', stroke: accent, width: 2, dash: [6, 4], points: { show: false } },
        ],
      },
      [xs, values, targets],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth || 320, height: 160 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points, start, target, periodStart, dueDate]);
  return <div className="kr-chart" ref={box} role="img" aria-label={label} />;
}
