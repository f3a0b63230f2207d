import { useState } from 'react';
import type { EvidenceItem } from '@/db/hooks';
import { formatDay, plural } from '@/ui/format';
import { CheckIcon, PlusIcon, SearchIcon } from '@/ui/icons';
import { EmptyState, Spinner } from '@/ui/screen';

const SOURCE: Record<string, string> = { wins: 'Wins', goals: 'Goals', checkins: 'Check-ins', feedback: 'Feedback' };
export const sourceName = (table: string) => SOURCE[table] ?? table;

interface Props {
  items: EvidenceItem[] | undefined;
  /** The question a tap cites into; null: the panel only lists. */
  target: { prompt: string } | null;
  isCited(item: EvidenceItem): boolean;
  onCite?(item: EvidenceItem): void;
  emptyText: string;
}

/** What the person did in the review's period, filterable by kind and words; a tap cites an item in the current answer. */
export function EvidencePanel({ items, target, isCited, onCite, emptyText }: Props) {
  const [source, setSource] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  if (items === undefined) return <Spinner label="Loading evidence" />;
  const sources = [...new Set(items.map((i) => i.table))];
  const q = query.trim().toLowerCase();
  const shown = items.filter(
    (i) => (source === null || i.table === source) && (!q || `${i.title}\n${i.detail}\n${i.tags.join(' ')}`.toLowerCase().includes(q)),
  );
  return (
    <div className="evidence">
      {target && onCite && (
        <p className="evidence-target" aria-live="polite">
          Tap an item to cite it in <strong>{target.prompt}</strong>
        </p>
      )}
      <div className="search">
        <SearchIcon className="search-icon" width={20} height={20} />
        <label htmlFor="evidence-search" className="visually-hidden">
          Search evidence
        </label>
        <input
          id="evidence-search"
          className="input search-input"
          type="search"
          placeholder="Search evidence"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {sources.length > 1 && (
        <ul className="chip-row chip-scroll" aria-label="Filter evidence">
          <li>
            <button type="button" className="chip" aria-pressed={source === null} onClick={() => setSource(null)}>
              All
            </button>
          </li>
          {sources.map((s) => (
            <li key={s}>
              <button type="button" className="chip" aria-pressed={source === s} onClick={() => setSource(source === s ? null : s)}>
                {sourceName(s)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown.length === 0 ? (
        <EmptyState title={items.length === 0 ? 'Nothing in this period' : 'Nothing matches'}>
          {items.length === 0 ? emptyText : 'Try other words or another filter.'}
        </EmptyState>
      ) : (
        <>
          <p className="list-count">{plural(shown.length, 'item')}</p>
          <ul className="evidence-list" aria-label="Evidence">
            {shown.map((i) => {
              const cited = isCited(i);
              const body = (
                <>
                  <span className="win-meta">
                    <time dateTime={i.date}>{formatDay(i.date)}</time>
                    {sources.length > 1 && <span>{sourceName(i.table)}</span>}
                  </span>
                  <span className="win-title">{i.title}</span>
                  {i.detail && <span className="win-desc">{i.detail}</span>}
                </>
              );
              return (
                <li key={`${i.table}:${i.id}`} className="evidence-item">
                  {onCite && target ? (
                    <button type="button" className="evidence-btn" aria-pressed={cited} onClick={() => onCite(i)}>
                      <span className="evidence-body">{body}</span>
                      <span className="evidence-mark" aria-hidden="true">
                        {cited ? <CheckIcon width={20} height={20} /> : <PlusIcon width={20} height={20} />}
                      </span>
                    </button>
                  ) : (
                    <div className="evidence-body evidence-static">{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
