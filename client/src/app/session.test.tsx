import { uuidv7 } from '@merit/shared/ids';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/me';
import { ToastProvider } from '@/ui/toast';
import { SignedInApp } from './screens';
import { Session } from './session';

// The network boundary only. Dexie is real (fake-indexeddb); sync finds no server (offline).
const api = vi.hoisted(() => ({ me: vi.fn(), status: vi.fn(), signIn: vi.fn() }));
vi.mock('@/lib/trpc', () => {
  const offline = () => Promise.reject(new TypeError('Failed to fetch'));
  return {
    trpc: {
      auth: { me: { query: api.me }, signIn: { mutate: api.signIn }, methods: { query: async () => ({ sso: null, passwords: true }) } },
      setup: { status: { query: api.status } },
    },
    trpcTransport: { push: offline, pull: offline },
  };
});

const person = (overrides: Partial<Me> = {}): Me => ({
  id: uuidv7(),
  name: 'Eli Park',
  email: 'eli@acme.test',
  role: 'employee',
  department: 'Engineering',
  managerId: null,
  isManager: false,
  orgName: 'Acme Robotics',
  achievementThreshold: 0.7,
  ...overrides,
});

function renderSession() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <Suspense fallback={null}>
          <Session />
        </Suspense>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

// The signed-in app is a chunk of its own (loaded on demand, as in the browser): loaded once, before the clocks start.
beforeAll(async () => {
  await SignedInApp.preload();
}, 30_000);

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  api.status.mockResolvedValue({ needsSetup: false, orgName: 'Acme Robotics' });
});
afterEach(() => vi.restoreAllMocks());

describe('Session', () => {
  it('first run: no organisation yet -> "Set up Merit"', async () => {
    api.me.mockResolvedValue(null);
    api.status.mockResolvedValue({ needsSetup: true, orgName: null });
    renderSession();
    expect(await screen.findByRole('heading', { name: 'Set up Merit' })).toBeTruthy();
    expect(screen.getByLabelText('Organisation name')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create organisation' })).toBeTruthy();
  });

  it('signed out online -> sign in; signing in opens Home and remembers the person for offline starts', async () => {
    const me = person();
    api.me.mockResolvedValue(null);
    api.signIn.mockResolvedValue(me);
    renderSession();
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'eli@acme.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'eli-password-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Log a win' })).toBeTruthy();
    expect(api.signIn).toHaveBeenCalledWith({ email: 'eli@acme.test', password: 'eli-password-123' });
    expect(JSON.parse(localStorage.getItem('merit.me') ?? 'null')).toMatchObject({ id: me.id });
  });

  it('offline start: the remembered person gets the whole app without the server', async () => {
    const me = person({ role: 'hr', name: 'Hana Reyes' });
    localStorage.setItem('merit.me', JSON.stringify(me));
    api.me.mockRejectedValue(new TypeError('Failed to fetch'));
    renderSession();
    expect(await screen.findByRole('heading', { name: /, Hana$/ })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Home', 'Wins', 'Goals', 'Notes', 'Reviews', 'People']);
    expect(screen.getByTestId('sync-status')).toBeTruthy();
  });

  it('an employee has no People tab, and /people is not found for them', async () => {
    localStorage.setItem('merit.me', JSON.stringify(person()));
    window.history.replaceState(null, '', '/people');
    api.me.mockRejectedValue(new TypeError('Failed to fetch'));
    renderSession();
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'People' })).toBeNull();
  });

  it('a session that ended while away leads to sign-in, saying local changes are kept', async () => {
    localStorage.setItem('merit.me', JSON.stringify(person()));
    api.me.mockResolvedValue(null);
    renderSession();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText(/Your session has ended/).textContent).toContain('kept');
    expect(screen.getByLabelText('Email')).toHaveProperty('value', 'eli@acme.test');
  });

  it('log a win offline: one tap to a focused title, saved locally, counted as waiting', async () => {
    localStorage.setItem('merit.me', JSON.stringify(person()));
    api.me.mockRejectedValue(new TypeError('Failed to fetch'));
    renderSession();
    fireEvent.click(await screen.findByRole('button', { name: 'Log a win' }));
    const title = await screen.findByLabelText('Title');
    expect(document.activeElement).toBe(title);
    fireEvent.change(title, { target: { value: 'Closed the Q3 support backlog' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    expect(await screen.findByText('Win saved')).toBeTruthy();
    expect(await screen.findByText('Closed the Q3 support backlog')).toBeTruthy();
    expect(screen.getByText('Not synced yet')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('sync-status').dataset.pending).toBe('1'));
  });
});
