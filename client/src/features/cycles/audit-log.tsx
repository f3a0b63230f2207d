import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { SelectField } from '@/ui/field';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useCycles, usePeopleDirectory } from './use-cycles';

const ACTION_WORDS: Record<string, string> = {
  'cycle.create': 'Created the cycle',
  'cycle.launch': 'Launched the cycle',
  'cycle.participant.add': 'Added to the cycle',
  'cycle.participant.remove': 'Removed from the cycle',
  'cycle.deadline': 'Moved deadlines',
  'cycle.remind': 'Sent reminders',
  'cycle.export': 'Exported the cycle',
  'review.reopen': 'Reopened a review',
  'review.submit_self': 'Submitted a self-review',
  'review.submit_manager': 'Submitted a manager review',
  'review.sign_off': 'Signed off a review',
  'review.acknowledge': 'Acknowledged a review',
  'review.answer_after_reopen': 'Changed an answer after a reopen',
  'person.role': 'Changed a role',
};

/** An answer ({ rating, text }) as words, e.g. `rating 4, "Great"`; anything else as JSON. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'object' && !Array.isArray(v)) {
    const a = v as { rating?: unknown; text?: unknown };
    const parts: string[] = [];
    if (typeof a.rating === 'number') parts.push(`rating ${a.rating}`);
    if (typeof a.text === 'string' && a.text.trim()) parts.push(`"${a.text}"`);
    if (parts.length > 0) return parts.join(', ');
  }
  return JSON.stringify(v);
}

/** A readable line for the details an entry carries (reason, before/after), without dumping raw JSON. */
function detailText(details: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof details.reason === 'string') out.push(`Reason: ${details.reason}`);
  if ('before' in details || 'after' in details) {
    const side = details.side === 'manager' ? 'Manager answer ' : details.side === 'self' ? 'Self answer ' : '';
    out.push(`${side}${side ? 'before' : 'Before'}: ${valueText(details.before)} → after: ${valueText(details.after)}`);
  }
  if ('from' in details && 'to' in details) out.push(`From ${String(details.from)} to ${String(details.to)}`);
  if (typeof details.participants === 'number') out.push(`${details.participants} participants`);
  if (typeof details.recipients === 'number') out.push(`${details.recipients} reminded (${String(details.phase)})`);
  return out;
}

/** HR's audit trail, newest first, filtered by person and cycle, a page at a time. */
export function AuditLog({ initialCycle }: { initialCycle: string }) {
  const [personId, setPersonId] = useState('');
  const [cycleId, setCycleId] = useState(initialCycle);
  const people = usePeopleDirectory();
  const cycles = useCycles();
  const q = useInfiniteQuery({
    queryKey: ['audit', personId, cycleId],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      trpc.audit.list.query({ personId: personId || undefined, cycleId: cycleId || undefined, before: pageParam, limit: 50 }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Screen title="Audit log" lead="Who did what, and when. Entries are never changed or deleted.">
      <div className="hr-wide">
        <div className="grid-2">
          <SelectField label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">Everyone</option>
            {people.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Cycle" value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
            <option value="">All cycles</option>
            {cycles.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        {q.isPending ? (
          <Spinner label="Loading the audit log" />
        ) : q.error ? (
          <p className="form-error" role="alert">
            {describeError(q.error)}
          </p>
        ) : entries.length === 0 ? (
          <EmptyState title="Nothing logged for this filter" />
        ) : (
          <ol className="card-list audit-list">
            {entries.map((e) => (
              <li key={e.id} className="card" data-testid="audit-entry">
                <p>
                  <strong>{ACTION_WORDS[e.action] ?? e.action}</strong>
                  {e.subjectName ? ` · ${e.subjectName}` : ''}
                </p>
                <p className="muted">
                  {new Date(e.at).toLocaleString()} · by {e.actorName ?? 'Merit'}
                </p>
                {detailText(e.details).map((t) => (
                  <p key={t} className="audit-detail">
                    {t}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        )}
        {q.hasNextPage && (
          <button type="button" className="btn btn-secondary btn-block" disabled={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
            {q.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
          </button>
        )}
      </div>
    </Screen>
  );
}
