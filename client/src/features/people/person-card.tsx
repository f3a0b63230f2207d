import type { Person } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { LinkBox } from '@/ui/copy-button';
import { Link } from '@/ui/router';
import { ROLE_WORDS, statusOf, useRefreshPeople } from './use-people';

/** One person: who they are, where they sit, and what HR can do about their access. */
export function PersonCard({ person, managerName }: { person: Person; managerName: string | undefined }) {
  const refresh = useRefreshPeople();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () => trpc.people.update.mutate({ id: person.id, disabled: !person.disabled }),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  const link = useMutation({ mutationFn: () => trpc.people.passwordLink.mutate({ id: person.id }), onSuccess: refresh });
  const status = statusOf(person);
  const error = toggle.error ?? link.error;

  return (
    <li className="card person">
      <div className="person-head">
        <p className="person-name">{person.name}</p>
        <span className={`badge badge-${status.tone}`}>{status.text}</span>
      </div>
      <p className="person-email">{person.email}</p>
      <dl className="person-facts">
        <div>
          <dt>Department</dt>
          <dd>{person.department || '—'}</dd>
        </div>
        <div>
          <dt>Manager</dt>
          <dd>{managerName ?? '—'}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {ROLE_WORDS[person.role]}
            {person.reportCount > 0 ? ` · manages ${person.reportCount}` : ''}
          </dd>
        </div>
      </dl>
      <div className="person-actions">
        <Link className="btn btn-secondary btn-small" href={`/people/${person.id}`}>
          Edit<span className="visually-hidden"> {person.name}</span>
        </Link>
        {!person.disabled && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => link.mutate()}
            disabled={link.isPending}
            aria-label={`New password link for ${person.name}`}
          >
            New password link
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => (person.disabled ? toggle.mutate() : setConfirming(true))}
          disabled={toggle.isPending}
        >
          {person.disabled ? 'Enable' : 'Disable'}
          <span className="visually-hidden"> {person.name}</span>
        </button>
      </div>
      {link.data && (
        <div className="person-link">
          <p className="field-hint">Send this link to {person.name}. It works once; any older link no longer works.</p>
          <LinkBox url={link.data.setPasswordUrl} />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Disable ${person.name}?`}
          confirmLabel="Disable"
          danger
          busy={toggle.isPending}
          onConfirm={() => toggle.mutate()}
          onCancel={() => setConfirming(false)}
        >
          They are signed out on every device and cannot sign in until you enable them again. Their data is kept.
        </ConfirmDialog>
      )}
    </li>
  );
}
