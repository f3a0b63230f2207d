import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { CopyButton } from '@/ui/copy-button';
import { FormError, TextField } from '@/ui/field';
import { formatAgo } from '@/ui/format';

const KEY = ['scimTokens'] as const;

/** HR's SCIM tokens: create one per identity provider, see it once, revoke it. */
export function ScimTokens() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => trpc.scimTokens.list.query() });
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => trpc.scimTokens.create.mutate({ name }),
    onSuccess: () => {
      setName('');
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => trpc.scimTokens.revoke.mutate({ id }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const fresh = create.data;
  const live = (tokens.data ?? []).filter((t) => !t.revokedAt);

  return (
    <section className="card stack" aria-labelledby="scim-title">
      <h2 id="scim-title" className="section-title">
        Provisioning (SCIM)
      </h2>
      <p className="token-meta">
        Your identity provider (Entra ID, Okta…) adds, updates and switches off people here. Give it the SCIM URL and a token. Changes
        follow the same rules as yours and show in the audit log.
      </p>
      {fresh && (
        <div className="token-reveal" role="status">
          <strong>Token for {fresh.name}: copy it now, it is not shown again.</strong>
          <span className="token-meta">SCIM URL</span>
          <code>{fresh.scimUrl}</code>
          <span className="token-meta">Token</span>
          <code>{fresh.token}</code>
          <CopyButton text={fresh.token} label="Copy token" />
        </div>
      )}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <TextField label="Token name" hint="Which provider uses it, e.g. Entra ID" value={name} onChange={(e) => setName(e.target.value)} />
        <FormError>{create.error ? describeError(create.error) : null}</FormError>
        <button type="submit" className="btn btn-primary btn-block" disabled={create.isPending || !name.trim()}>
          Create token
        </button>
      </form>
      <div>
        {live.length === 0 && !tokens.isPending && <p className="token-meta">No tokens yet.</p>}
        {live.map((t) => (
          <div key={t.id} className="token-row">
            <div>
              <strong>{t.name}</strong>
              <div className="token-meta">
                {t.lastUsedAt ? `used ${formatAgo(Date.parse(t.lastUsedAt))}` : 'never used'}
                {t.createdBy ? ` · made by ${t.createdBy}` : ''}
              </div>
            </div>
            <button
              type="button"
              className="btn btn-danger-outline btn-small"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(t.id)}
              aria-label={`Revoke ${t.name}`}
            >
              Revoke
            </button>
          </div>
        ))}
      </div>
      <FormError>{revoke.error ? describeError(revoke.error) : null}</FormError>
    </section>
  );
}
