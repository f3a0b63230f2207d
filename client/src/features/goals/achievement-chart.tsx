import 'uplot/dist/uPlot.min.css';
import type { PeriodRate } from '@merit/shared/domain/dashboard';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface AchievementChartProps {
  /** Oldest first. */
  periods: readonly PeriodRate[];
}

const HEIGHT = 184;
/** Room above a full bar for its label. */
const Y_MAX = 118;

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * Achievement rate per quarter as bars, each labelled with its percentage. Drawn with uPlot like the key result chart,
 * in a module loaded after home's first paint (React.lazy), so the first screen's JavaScript does not grow. The canvas
 * is hidden from screen readers: the dashboard gives the same figures as a table.
 */
export default function AchievementChart({ periods }: AchievementChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = periods.map((_, i) => i);
    const rates = periods.map((p) => (p.rate === null ? null : p.rate * 100));
    // Two lines under each bar: the quarter, and how many key results reached the threshold out of how many ended.
    const names = periods.map((p) => `${p.period.replace('-', ' ')}\n${p.total === 0 ? 'none' : `${p.achieved} of ${p.total}`}`);
    const brand = cssVar('--primary', '#1d5c4d');
    const muted = cssVar('--muted', '#5b6561');
    const text = cssVar('--text', '#1a1f1d');
    const font = cssVar('--font', 'system-ui, sans-serif');
    const label = (u: uPlot) => {
      const { ctx } = u;
      const px = window.devicePixelRatio || 1;
      ctx.save();
      ctx.fillStyle = text;
      ctx.font = `700 ${13 * px}px ${font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      for (const [i, r] of rates.entries()) {
        if (r === null) continue;
        ctx.fillText(`${Math.round(r)}%`, u.valToPos(i, 'x', true), u.valToPos(r, 'y', true) - 4 * px);
      }
      ctx.restore();
    };
    const plot = new uPlot(
      {
        width: el.clientWidth || 320,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        padding: [8, 4, 0, 0],
        scales: { x: { time: false, range: [-0.5, periods.length - 0.5] }, y: { range: [0, Y_MAX] } },
        axes: [
          {
            stroke: muted,
            grid: { show: false },
            ticks: { show: false },
            size: 46,
            splits: () => xs,
            values: (_u, splits) => splits.map((i) => names[i] ?? ''),
          },
          {
            stroke: muted,
            grid: { stroke: 'rgba(128,128,128,0.18)' },
            ticks: { show: false },
            size: 44,
            splits: () => [0, 50, 100],
            values: (_u, splits) => splits.map((v) => `${v}%`),
          },
        ],
        series: [
          {},
          {
            label: 'Achievement rate',
            fill: brand,
            stroke: brand,
            width: 0,
            paths: uPlot.paths.bars?.({ size: [0.56, 56] }),
            points: { show: false },
          },
        ],
        hooks: { draw: [label] },
      },
      [xs, rates],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth || 320, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [periods]);
  return <div className="achievement-chart" ref={box} aria-hidden="true" />;
}
