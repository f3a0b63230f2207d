import { Email } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { Link } from '@/ui/router';
import { AuthFrame } from './auth-frame';
import { authErrorWords } from './me';

/**
 * "Forgot password?": asks for the address and always gives the same answer, so nobody learns from it who
 * has an account. The e-mailed link opens the set-password screen.
 */
export function ForgotPasswordScreen({ reason }: { reason?: string | undefined }) {
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const request = useMutation({ mutationFn: (e: string) => trpc.auth.requestReset.mutate({ email: e }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = Email.safeParse(email).success;
    setInvalid(!ok);
    if (ok) request.mutate(email);
  };
  if (request.isSuccess)
    return (
      <AuthFrame title="Check your e-mail">
        <p className="auth-lead" role="status">
          If <strong>{email.trim().toLowerCase()}</strong> belongs to someone in Merit, a link to choose a new password is on its way. It
          works once, for 7 days. Nothing arrived after a few minutes? Check your spam folder, or ask your HR admin.
        </p>
        <p className="auth-foot">
          <Link className="text-link" href="/sign-in">
            Back to sign in
          </Link>
        </p>
      </AuthFrame>
    );
  return (
    <AuthFrame
      title="Reset your password"
      lead={reason ?? 'Enter the e-mail you sign in with and we will send you a link to choose a new password.'}
    >
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          value={email}
          autoFocus
          error={invalid ? 'Enter an e-mail address, like name@example.com' : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FormError>{request.error ? authErrorWords(request.error) : null}</FormError>
        <button type="submit" className="btn btn-primary btn-block" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send me a link'}
        </button>
      </form>
      <p className="auth-foot">
        <Link className="text-link" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
