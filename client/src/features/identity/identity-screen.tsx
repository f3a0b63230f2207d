import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError } from '@/ui/field';
import { Screen } from '@/ui/screen';
import { ScimTokens } from './scim-tokens';

const KEY = ['breakGlass'] as const;

/** Break-glass HR accounts: with SSO_ONLY=1, only these may still sign in with a password. */
function BreakGlass() {
  const qc = useQueryClient();
  const accounts = useQuery({ queryKey: KEY, queryFn: () => trpc.breakGlass.list.query() });
  const methods = useQuery({ queryKey: ['auth', 'methods'], queryFn: () => trpc.auth.methods.query() });
  const set = useMutation({
    mutationFn: (v: { id: string; on: boolean }) => trpc.breakGlass.set.mutate(v),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <section className="card stack" aria-labelledby="glass-title">
      <h2 id="glass-title" className="section-title">
        Break-glass HR accounts
      </h2>
      <p className="token-meta">
        {methods.data?.passwords === false
          ? 'Passwords are turned off (SSO_ONLY). These HR accounts can still sign in with a password if the company sign-in is down.'
          : 'If passwords are turned off (SSO_ONLY=1), these HR accounts can still sign in with a password.'}
      </p>
      {(accounts.data ?? []).map((a) => (
        <label key={a.id} className="switch-row">
          <span>
            <strong>{a.name}</strong>
            <span className="token-meta"> {a.hasPassword ? a.email : `${a.email} · no password set`}</span>
          </span>
          <input
            type="checkbox"
            checked={a.breakGlass}
            disabled={set.isPending}
            onChange={(e) => set.mutate({ id: a.id, on: e.target.checked })}
          />
        </label>
      ))}
      <FormError>{set.error ? describeError(set.error) : null}</FormError>
    </section>
  );
}

/** HR: how people get into Merit: SCIM tokens for the identity provider, break-glass accounts. */
export default function IdentityScreen() {
  return (
    <Screen title="Sign-in & provisioning">
      <div className="stack">
        <ScimTokens />
        <BreakGlass />
      </div>
    </Screen>
  );
}
