import type { trpc } from '@/lib/trpc';

/** The signed-in person as the server describes them (docs/API.md, `Me`): app/ and every feature read it from here. */
export type Me = Awaited<ReturnType<typeof trpc.auth.signIn.mutate>>;
