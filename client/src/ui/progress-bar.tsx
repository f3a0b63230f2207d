import { percent } from './format';

/**
 * A progress bar that still tells over-achievement (130%) and going backwards (-20%): the bar fills to its
 * end, the number says the rest. `raw` is the unclamped share of the way from start to target.
 */
export function ProgressBar({ raw, label, size = 'normal' }: { raw: number | null; label: string; size?: 'normal' | 'small' }) {
  const shown = raw === null ? 0 : raw;
  const fill = Math.min(1, Math.max(0, shown));
  const over = shown > 1;
  return (
    <div className={`progress progress-${size}`}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill * 100)}
        aria-valuetext={raw === null ? 'No key results' : percent(shown)}
      >
        <div className={`progress-fill${over ? ' progress-over' : ''}`} style={{ width: `${fill * 100}%` }} />
      </div>
      <span className="progress-number" aria-hidden="true">
        {raw === null ? '–' : percent(shown)}
      </span>
    </div>
  );
}
