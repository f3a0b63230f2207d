import { SignInInput } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { labelledResolver } from '@/ui/form-resolver';
import { Link } from '@/ui/router';
import { AuthFrame } from './auth-frame';
import { authErrorWords, type Me } from './me';

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

  return (
    <AuthFrame title="Sign in" lead={orgName ? `to ${orgName} on Merit` : 'to Merit'}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
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
        <button type="submit" className="btn btn-primary btn-block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-foot">
        <Link className="text-link" href="/forgot-password">
          Forgot password?
        </Link>
      </p>
      <p className="auth-foot">New here? Ask your HR admin for a link to set your password.</p>
    </AuthFrame>
  );
}
