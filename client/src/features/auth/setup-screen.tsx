import { SetupInput } from '@merit/shared/domain/person';
import { LIMITS } from '@merit/shared/limits';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { labelledResolver } from '@/ui/form-resolver';
import { AuthFrame } from './auth-frame';
import { authErrorWords, type Me } from './me';

interface Values {
  orgName: string;
  name: string;
  email: string;
  password: string;
}
const resolver = labelledResolver<Values, Values>(SetupInput, {
  orgName: 'Organisation name',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
});

/** First run: the organisation and its first HR admin, who is then signed in. */
export function SetupScreen({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const create = useMutation({ mutationFn: (v: Values) => trpc.setup.create.mutate(v), onSuccess: onSignedIn });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver, defaultValues: { orgName: '', name: '', email: '', password: '' } });

  return (
    <AuthFrame title="Set up Merit" lead="Create your organisation. You will be its HR admin and can add everyone else next.">
      <form className="form" noValidate onSubmit={handleSubmit((v) => create.mutate(v))}>
        <TextField label="Organisation name" autoComplete="organization" error={errors.orgName?.message} {...register('orgName')} />
        <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...register('name')} />
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
          autoComplete="new-password"
          hint={`At least ${LIMITS.passwordMin} characters.`}
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError>{create.error ? authErrorWords(create.error) : null}</FormError>
        <button type="submit" className="btn btn-primary btn-block" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create organisation'}
        </button>
      </form>
    </AuthFrame>
  );
}
