import { type ReactNode, useSyncExternalStore } from 'react';

/** From this width the manager reads the self-review beside their own form; below it, tabs. */
const WIDE = '(min-width: 900px)';

function subscribe(onChange: () => void) {
  if (typeof window.matchMedia !== 'function') return () => {};
  const m = window.matchMedia(WIDE);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}
const wideNow = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches;

/** Whether the screen is wide enough for two columns; follows window resizes and rotations. */
export const useWide = () => useSyncExternalStore(subscribe, wideNow, () => false);

/**
 * Two columns: `theirs` (the self-review and wins) stays in view and scrolls on its own, while `mine` (the
 * manager's form, the long one) scrolls with the page, so every question can be written with its answer beside it.
 */
export function ReviewSplit({ theirs, mine, mineTitle }: { theirs: ReactNode; mine: ReactNode; mineTitle: string }) {
  return (
    <div className="review-split">
      <div className="review-split-theirs">{theirs}</div>
      <section className="review-split-mine" aria-label={mineTitle}>
        <h2 className="review-split-title">{mineTitle}</h2>
        {mine}
      </section>
    </div>
  );
}
