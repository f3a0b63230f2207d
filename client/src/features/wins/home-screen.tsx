import { today } from '@merit/shared/domain/common';
import type { ReactNode } from 'react';
import { useWins } from '@/db/hooks';
import { plural } from '@/ui/format';
import { ChevronIcon, PlusIcon } from '@/ui/icons';
import { Link, navigate } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { WinList } from './win-list';

function greeting(now: Date): string {
  const h = now.getHours();
  return h < 5 ? 'Good evening' : h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** The first screen: one big way in ("Log a win"), then what this month already holds. */
export function HomeScreen({
  name,
  now = new Date(),
  dashboard,
  cards,
  recentHeld = false,
}: {
  name: string;
  now?: Date;
  dashboard?: ReactNode;
  /** Hand-offs waiting on this person (composed by the app from the notifications feature). */
  cards?: ReactNode;
  /** While the part above it is still arriving, "Recent wins" waits, so it never jumps down the screen (CLS). */
  recentHeld?: boolean;
}) {
  const wins = useWins();
  const month = today(now).slice(0, 7);
  const thisMonth = wins?.filter((w) => w.date.startsWith(month)).length ?? 0;
  const first = name.split(/\s+/)[0] || name;

  return (
    <section className="screen home">
      <header className="home-head">
        <h1 className="screen-title" tabIndex={-1}>
          {greeting(now)}, {first}
        </h1>
        <p className="screen-lead">Capture it while you remember it.</p>
      </header>
      {cards}
      <button type="button" className="btn btn-primary btn-hero" onClick={() => navigate('/wins/new')}>
        <PlusIcon width={28} height={28} /> Log a win
      </button>
      <div className="stat-card">
        <span className="stat-number">{wins === undefined ? '–' : thisMonth}</span>
        <span className="stat-label">
          {wins === undefined ? 'wins this month' : `${plural(thisMonth, 'win').replace(/^\d+ /, '')} this month`}
        </span>
      </div>
      {dashboard}
      {!recentHeld && (
        <>
          <div className="section-head">
            <h2 className="section-title">Recent wins</h2>
            {wins && wins.length > 0 && (
              <Link href="/wins" className="text-link">
                See all <ChevronIcon width={16} height={16} />
              </Link>
            )}
          </div>
          {wins === undefined ? (
            <Spinner label="Loading wins" />
          ) : wins.length === 0 ? (
            <EmptyState title="Nothing logged yet">Your wins will show up here. The first one takes five seconds.</EmptyState>
          ) : (
            <WinList wins={wins.slice(0, 5)} label="Recent wins" />
          )}
        </>
      )}
    </section>
  );
}
