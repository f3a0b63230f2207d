import type { Person } from '@merit/shared/domain/person';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { CopyButton, LinkBox } from '@/ui/copy-button';
import { plural } from '@/ui/format';
import { navigate } from '@/ui/router';
import { Screen } from '@/ui/screen';
import { downloadText, linksCsv, useInvite } from './use-invite';

interface Created {
  person: Person;
  setPasswordUrl: string;
}

/**
 * After an import: every new person's one-time link, and three ways to hand them out: e-mail them (all, or the
 * ones ticked), copy all as text, or download a CSV for a mail merge. An e-mailed link replaces the shown one.
 */
export function ImportedPeople({ created }: { created: Created[] }) {
  const invite = useInvite();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [mailed, setMailed] = useState<ReadonlySet<string>>(new Set());
  const rows = created.map((c) => ({ name: c.person.name, email: c.person.email, url: c.setPasswordUrl }));
  const send = (ids: string[]) =>
    invite.mutate(ids, {
      onSuccess: (r) => {
        setMailed((m) => new Set([...m, ...r.invited.map((i) => i.id)]));
        setPicked(new Set());
      },
    });
  const allText = rows.map((r) => `${r.name} <${r.email}>: ${r.url}`).join('\n');
  return (
    <Screen
      title="People imported"
      lead={`${plural(created.length, 'person', 'people')} added. Send each their link to set a password; each link works once, for 7 days.`}
    >
      <div className="invite-bar card">
        <button type="button" className="btn btn-primary" disabled={invite.isPending} onClick={() => send(created.map((c) => c.person.id))}>
          E-mail all {created.length} invitations
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={invite.isPending || picked.size === 0}
          onClick={() => send([...picked])}
        >
          E-mail the selected{picked.size > 0 ? ` (${picked.size})` : ''}
        </button>
        <CopyButton text={allText} label="Copy all links" className="btn btn-secondary" />
        <button type="button" className="btn btn-secondary" onClick={() => downloadText('merit-set-password-links.csv', linksCsv(rows))}>
          Download CSV
        </button>
      </div>
      {invite.error && (
        <p className="form-error" role="alert">
          {describeError(invite.error)}
        </p>
      )}
      <ul className="card-list">
        {created.map(({ person, setPasswordUrl }) => (
          <li key={person.id} className="card invitee">
            <label className="invitee-pick">
              <input
                type="checkbox"
                className="check"
                checked={picked.has(person.id)}
                onChange={(e) =>
                  setPicked((p) => {
                    const n = new Set(p);
                    e.target.checked ? n.add(person.id) : n.delete(person.id);
                    return n;
                  })
                }
              />
              <span>
                <span className="person-name">{person.name}</span>
                <span className="person-email">{person.email}</span>
              </span>
            </label>
            {mailed.has(person.id) ? (
              <p className="badge badge-ok" data-testid="invite-sent">
                Invitation e-mailed (the link below no longer works)
              </p>
            ) : null}
            <LinkBox url={setPasswordUrl} />
            <button type="button" className="btn btn-ghost btn-small" disabled={invite.isPending} onClick={() => send([person.id])}>
              {mailed.has(person.id) ? 'Resend by e-mail' : 'Send by e-mail'}
              <span className="visually-hidden"> to {person.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-primary btn-block" onClick={() => navigate('/people', { replace: true })}>
        Done
      </button>
    </Screen>
  );
}
