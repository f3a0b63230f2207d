import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { SelectField } from '@/ui/field';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { actionWords, detailText } from './audit-words';
import { useCycles, usePeopleDirectory } from './use-cycles';

/** HR's audit trail, newest first, filtered by person and cycle, a page at a time. */
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
  const names = new Map(people.data?.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id);
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
                  <strong>{actionWords(e.action)}</strong>
                  {e.subjectName ? ` · ${e.subjectName}` : ''}
                </p>
                <p className="muted">
                  {when.format(new Date(e.at))} · by {e.actorName ?? 'Merit'}
                </p>
                {detailText(e.action, e.details, nameOf).map((t) => (
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
