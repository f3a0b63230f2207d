import type { Rejection } from '@merit/shared/domain/rejection';
import { uuidv7 } from '@merit/shared/ids';
import { useState } from 'react';
import { useDb, useInbox, useSyncRow } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { CopyButton } from '@/ui/copy-button';
import { formatAgo } from '@/ui/format';
import { CheckIcon } from '@/ui/icons';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { reapplyPlan, reapplyTarget } from './reapply';
import { copyableText, labelledText, reviewAbout, whatItWas, whyText } from './rejection-text';

function RejectionCard({ r }: { r: Rejection }) {
  const mutate = useMutate();
  const { actor } = useDb();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const target = reapplyTarget(r);
  const current = useSyncRow(target?.table ?? null, target?.id ?? null);
  // Re-derived as the record changes: a win restored elsewhere makes "Apply again" appear, a delete removes it.
  const plan = current === undefined ? null : reapplyPlan(r, current, actor, Date.now(), uuidv7());
  const review = reviewAbout(r, current);
  const fields = labelledText(r, current);

  const run = async (steps: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await steps();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const discard = () =>
    run(async () => {
      const res = await mutate('inbox.dismiss@1', { id: r.id });
      if (!res.ok) setError(describeError(res.error));
    });
  const reapply = () =>
    run(async () => {
      if (!plan) return;
      const res = await mutate(plan.name, plan.args);
      if (!res.ok) return setError(describeError(res.error));
      // Applied again: the item has done its job.
      const done = await mutate('inbox.dismiss@1', { id: r.id });
      if (!done.ok) setError(describeError(done.error));
    });

  return (
    <li className="card rejection">
      <p className="rejection-what">
        {whatItWas(r.name)} <span className="muted">· {formatAgo(r.createdAt)}</span>
      </p>
      {current && 'title' in current && <p className="rejection-about">“{current.title}”</p>}
      {review && <p className="rejection-about">{review.about}</p>}
      <p className="rejection-why">{whyText(r)}</p>
      {fields.length > 0 && (
        <dl className="typed">
          {fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.text}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="card-actions">
        {plan && (
          <button type="button" className="btn btn-primary btn-small" onClick={reapply} disabled={busy}>
            {plan.label}
          </button>
        )}
        {fields.length > 0 && <CopyButton text={copyableText(r)} label="Copy text" />}
        <button type="button" className="btn btn-ghost btn-small" onClick={discard} disabled={busy}>
          Discard
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Changes the server refused, with what the person typed, so nothing they wrote silently disappears. */
export default function InboxScreen() {
  const items = useInbox();
  return (
    <Screen
      title="Needs your attention"
      lead={
        items && items.length > 0
          ? 'These changes could not be saved as they were. Your words are kept here: apply them again where you still can, copy them, or discard them.'
          : undefined
      }
    >
      {items === undefined ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing needs your attention" action={<CheckIcon className="empty-icon" width={32} height={32} />}>
          If a change you make cannot be saved, it shows up here with your words.
        </EmptyState>
      ) : (
        <ul className="card-list">
          {items.map((r) => (
            <RejectionCard key={r.id} r={r} />
          ))}
        </ul>
      )}
    </Screen>
  );
}
