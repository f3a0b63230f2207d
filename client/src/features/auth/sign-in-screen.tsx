import { SignInInput } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { labelledResolver } from '@/ui/form-resolver';
import { Link } from '@/ui/router';
import { AuthFrame } from './auth-frame';
import { authErrorWords, type Me } from './me';
import { SsoButton, ssoRefusal, useSignInMethods } from './sso-sign-in';

interface Values {
  email: string;
  password: string;
}
const resolver = labelledResolver<Values, Values>(SignInInput, { email: 'Email', password: 'Password' });

interface Props {
  onSignedIn(me: Me): void;
  /** Shown above the form, e.g. when a session ended with changes waiting on this device. */
  notice?: string | undefined;
  email?: string | undefined;
  orgName?: string | null | undefined;
}

export function SignInScreen({ onSignedIn, notice, email = '', orgName }: Props) {
  const signIn = useMutation({ mutationFn: (v: Values) => trpc.auth.signIn.mutate(v), onSuccess: onSignedIn });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver, defaultValues: { email, password: '' } });
  const methods = useSignInMethods();
  const sso = methods.data?.sso ?? null;
  const refusal = ssoRefusal(window.location.search);
  // SSO_ONLY: the password form is for HR's break-glass accounts, one tap away rather than in everyone's way.
  const [breakGlass, setBreakGlass] = useState(false);
  const passwordForm = !methods.data || methods.data.passwords || breakGlass;

  return (
    <AuthFrame title="Sign in" lead={orgName ? `to ${orgName} on Merit` : 'to Merit'}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {refusal && (
        <p className="notice notice-bad" role="alert">
          {refusal}
        </p>
      )}
      {sso && <SsoButton label={sso.label} href={sso.startUrl} />}
      {sso && passwordForm && <p className="sso-or">or with your Merit password</p>}
      {passwordForm && (
        <form className="form" noValidate onSubmit={handleSubmit((v) => signIn.mutate(v))}>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            error={errors.email?.message}
            {...register('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...register('password')}
          />
          <FormError>{signIn.error ? authErrorWords(signIn.error) : null}</FormError>
          <button type="submit" className={`btn ${sso ? 'btn-secondary' : 'btn-primary'} btn-block`} disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {methods.data && !methods.data.passwords && !breakGlass && (
        <button type="button" className="btn btn-ghost btn-block" onClick={() => setBreakGlass(true)}>
          HR break-glass sign-in
        </button>
      )}
      {passwordForm && (
        <p className="auth-foot">
          <Link className="text-link" href="/forgot-password">
            Forgot password?
          </Link>
        </p>
      )}
      <p className="auth-foot">
        {sso ? 'Not in Merit yet? Ask your HR admin to add you.' : 'New here? Ask your HR admin for a link to set your password.'}
      </p>
    </AuthFrame>
  );
}
