import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { errorCode } from '@/lib/errors';
import type { Me } from '@/lib/me';
import { trpc } from '@/lib/trpc';
import { navigate, usePath } from '@/ui/router';
import { useToast } from '@/ui/toast';
import { LazyScreen } from './lazy-screen';
import { clearMe, readMe, resetPersistAsk, writeMe } from './me-cache';
import { ForgotPasswordScreen, SetPasswordScreen, SetupScreen, SignedInApp, SignInScreen } from './screens';
import { Splash, Unreachable } from './status-screens';

export const ME_KEY = ['auth', 'me'] as const;
const AUTH_PATHS = new Set(['/sign-in', '/set-password', '/setup', '/forgot-password']);

/**
 * Who is using the app. The person remembered on this device opens the app at once, even offline; the
 * server's answer (asked once per start) then confirms them, or, when it says "nobody", leads to sign-in
 * with their data kept on the device. A session that ends mid-use is the sync engine's to report (a banner).
 */
export function Session() {
  const path = usePath();
  const qc = useQueryClient();
  const toast = useToast();
  const [cached, setCached] = useState<Me | null>(() => {
    const remembered = readMe();
    // Someone signed in here before: their app is fetched at once, beside the server's answer to auth.me.
    if (remembered) void SignedInApp.preload().catch(() => {});
    return remembered;
  });
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const answer = await trpc.auth.me.query();
      if (answer) {
        writeMe(answer);
        setCached(answer);
      }
      return answer;
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
  const signedOut = me.data === null;
  useEffect(() => {
    // Nobody remembered here: the sign-in (or setup) screen is next, so fetch it while auth.me is asked.
    if (!cached) void Promise.all([SignInScreen.preload(), SetupScreen.preload()]).catch(() => {});
  }, [cached]);
  // Asked beside auth.me (one batched request) when nobody is remembered here: the sign-in or setup screen
  // then renders one round trip sooner on a first visit.
  const setup = useQuery({
    queryKey: ['setup', 'status'],
    queryFn: () => trpc.setup.status.query(),
    enabled: !cached,
    networkMode: 'always',
  });

  const onSignedIn = useCallback(
    (next: Me) => {
      writeMe(next);
      resetPersistAsk();
      setCached(next);
      qc.setQueryData(ME_KEY, next);
      if (AUTH_PATHS.has(window.location.pathname)) navigate('/', { replace: true });
    },
    [qc],
  );
  const onSignedOut = useCallback(
    (warning?: string) => {
      clearMe();
      setCached(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
      navigate('/', { replace: true });
      toast(warning ?? 'Signed out. Merit’s data is deleted from this device.');
    },
    [qc, toast],
  );

  if (path === '/set-password')
    return (
      <main>
        <LazyScreen screen={SetPasswordScreen} props={{ onSignedIn }} />
      </main>
    );

  // Offline or the server failing: whoever was signed in here carries on, with their local data.
  const person = signedOut ? null : (me.data ?? cached);
  if (person)
    return <LazyScreen key={`${person.id}:${person.role}`} screen={SignedInApp} props={{ me: person, path, onSignedIn, onSignedOut }} />;

  if (me.isPending) return <Splash />;
  if (me.error && !cached) return <Unreachable onRetry={() => me.refetch()} />;
  if (path === '/forgot-password')
    return (
      <main>
        <LazyScreen screen={ForgotPasswordScreen} props={{}} />
      </main>
    );
  if (setup.data?.needsSetup)
    return (
      <main>
        <LazyScreen screen={SetupScreen} props={{ onSignedIn }} />
      </main>
    );
  if (setup.isPending && !cached) return <Splash />;
  if (setup.error && errorCode(setup.error).network && !cached) return <Unreachable onRetry={() => setup.refetch()} />;
  return (
    <main>
      <LazyScreen
        screen={SignInScreen}
        props={{
          onSignedIn,
          email: cached?.email,
          orgName: setup.data?.orgName ?? cached?.orgName,
          notice: cached ? 'Your session has ended. Sign in to sync; changes waiting on this device are kept.' : undefined,
        }}
      />
    </main>
  );
}
