import { useQuery } from '@tanstack/react-query';
import { trpc } from '@/lib/trpc';

/** Why the provider's sign-in came back refused (the server's `?sso=<reason>`), in words a person can act on. */
const REFUSALS: Record<string, string> = {
  unknown: 'Your company account worked, but its e-mail address is not in Merit. Ask your HR admin to add you.',
  unverified: 'Your company account did not confirm its e-mail address, so Merit cannot tell who you are. Ask your IT team to verify it.',
  disabled: 'Your Merit account is switched off. Ask your HR admin to switch it back on.',
  expired: 'That sign-in took too long or was finished in another browser. Please try again.',
  failed: 'The sign-in with your company account did not complete. Try again; if it keeps failing, tell your IT team.',
  unavailable: 'Merit cannot reach your company’s sign-in service right now. Try again in a minute.',
};

export function ssoRefusal(search: string): string | null {
  const reason = new URLSearchParams(search).get('sso');
  return reason ? (REFUSALS[reason] ?? REFUSALS.failed ?? null) : null;
}

/** How this Merit signs people in; asked once, only on the signed-out screens. */
export function useSignInMethods() {
  return useQuery({ queryKey: ['auth', 'methods'], queryFn: () => trpc.auth.methods.query(), staleTime: Number.POSITIVE_INFINITY });
}

/**
 * The company sign-in button: a plain link, so the browser leaves for the provider and comes back to
 * `/auth/oidc/callback` (server-side), which signs the person in and returns them to the app.
 */
export function SsoButton({ label, href }: { label: string; href: string }) {
  return (
    <a className="btn btn-primary btn-block sso-btn" href={href}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="4" y="10" width="16" height="11" rx="2" />
        <path d="M8 10V7a4 4 0 0 1 8 0v3" />
      </svg>
      {label}
    </a>
  );
}
