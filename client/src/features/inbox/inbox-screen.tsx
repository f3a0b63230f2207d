import type { Rejection } from '@merit/shared/domain/rejection';
import { useState } from 'react';
import { useInbox } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { CopyButton } from '@/ui/copy-button';
import { formatAgo } from '@/ui/format';
import { CheckIcon } from '@/ui/icons';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { copyableText, reviewWords, typedText, whatItWas } from './rejection-text';

function RejectionCard({ r }: { r: Rejection }) {
  const mutate = useMutate();
  const [error, setError] = useState<string>();
  const fields = typedText(r.args);
  const dismiss = async () => {
    const res = await mutate('inbox.dismiss@1', { id: r.id }).catch((e: unknown) => ({ ok: false as const, error: e }));
    if (!res.ok) setError(describeError(res.error));
  };
  return (
    <li className="card rejection">
      <p className="rejection-what">
        {whatItWas(r.name)} <span className="muted">· {formatAgo(r.createdAt)}</span>
      </p>
      <p className="rejection-why">{reviewWords(r) ?? describeError({ code: r.code, message: r.message })}</p>
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
        {fields.length > 0 && <CopyButton text={copyableText(r)} label="Copy text" />}
        <button type="button" className="btn btn-ghost btn-small" onClick={dismiss}>
          Dismiss
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
      lead={items && items.length > 0 ? 'These changes could not be saved. Your words are kept here: copy them, then dismiss.' : undefined}
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
