import { Password } from '@merit/shared/domain/person';
import { LIMITS } from '@merit/shared/limits';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { errorCode } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { labelledResolver } from '@/ui/form-resolver';
import { Link } from '@/ui/router';
import { Spinner } from '@/ui/screen';
import { AuthFrame } from './auth-frame';
import { authErrorWords, type Me } from './me';

interface Values {
  password: string;
}
const resolver = labelledResolver<Values, Values>(z.strictObject({ password: Password }), { password: 'New password' });

/** The token rides in the fragment (`#token=...`) so it never reaches a server log. */
export const tokenFromHash = (hash: string): string => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';

export function SetPasswordScreen({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const token = tokenFromHash(window.location.hash);
  const who = useQuery({
    queryKey: ['auth', 'checkToken', token],
    queryFn: () => trpc.auth.checkToken.query({ token }),
    enabled: token.length > 0,
    retry: false,
  });
  const setPassword = useMutation({
    mutationFn: (v: Values) => trpc.auth.setPassword.mutate({ token, password: v.password }),
    onSuccess: onSignedIn,
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver, defaultValues: { password: '' } });

  if (!token || (who.error && !errorCode(who.error).network)) {
    return (
      <AuthFrame title="This link does not work any more">
        <p className="auth-lead">
          Each link works once and for 7 days, and a newer link replaces an older one. If you already chose your password with it, sign in;
          otherwise get a new link by e-mail.
        </p>
        <div className="form-actions">
          <Link className="btn btn-primary btn-block" href="/sign-in">
            Sign in
          </Link>
          <Link className="btn btn-secondary btn-block" href="/forgot-password">
            E-mail me a new link
          </Link>
        </div>
      </AuthFrame>
    );
  }
  const lead = who.data ? (
    <>
      For <strong>{who.data.name}</strong> ({who.data.email})
    </>
  ) : who.error ? (
    authErrorWords(who.error)
  ) : (
    <Spinner label="Checking your link" />
  );

  return (
    <AuthFrame title="Set your password" lead={lead}>
      <form className="form" noValidate onSubmit={handleSubmit((v) => setPassword.mutate(v))}>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.passwordMin} characters. The link works once.`}
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError>{setPassword.error ? authErrorWords(setPassword.error) : null}</FormError>
        <button type="submit" className="btn btn-primary btn-block" disabled={setPassword.isPending}>
          {setPassword.isPending ? 'Setting…' : 'Set password'}
        </button>
      </form>
    </AuthFrame>
  );
}
