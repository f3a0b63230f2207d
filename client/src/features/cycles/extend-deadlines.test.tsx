import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '@/ui/toast';
import { ExtendDeadlines } from './extend-deadlines';

// The network boundary only: the server's side is tested in server/src/reviews/deadline.test.ts.
const api = vi.hoisted(() => ({
  extend: vi.fn(async (_i: Record<string, string>) => ({})),
  reviews: vi.fn(async () => [{ personId: '01900000-0000-7000-8000-0000000000e1', name: 'Sam Okafor' }]),
}));
vi.mock('@/lib/trpc', () => ({ trpc: { cycles: { extendDeadline: { mutate: api.extend }, reviews: { query: api.reviews } } } }));

const CYCLE = '01900000-0000-7000-8000-0000000000c1';

describe('ExtendDeadlines (HR)', () => {
  it('asks for a date first, then moves the manager deadline of one person only', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <ExtendDeadlines cycleId={CYCLE} selfDeadline="2026-12-10" managerDeadline="2026-12-20" />
        </ToastProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Move deadlines' }));
    expect(await screen.findByText('Choose a new date for at least one phase')).toBeTruthy();
    expect(api.extend).not.toHaveBeenCalled();
    await screen.findByRole('option', { name: 'Sam Okafor' });
    fireEvent.change(screen.getByLabelText('For'), { target: { value: '01900000-0000-7000-8000-0000000000e1' } });
    fireEvent.change(screen.getByLabelText('New manager review deadline'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move deadlines' }));
    await waitFor(() =>
      expect(api.extend).toHaveBeenCalledWith({
        cycleId: CYCLE,
        personId: '01900000-0000-7000-8000-0000000000e1',
        managerDeadline: '2027-01-15',
      }),
    );
    expect(await screen.findByText(/^Deadlines moved for Sam Okafor: manager review .* → .*2027$/)).toBeTruthy();
  });

  it('asks before moving a deadline into the past, and sends allowPast only once confirmed', async () => {
    api.extend.mockClear();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <ExtendDeadlines cycleId={CYCLE} selfDeadline="2026-12-10" managerDeadline="2026-12-20" />
        </ToastProvider>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('New self-review deadline'), { target: { value: '2001-02-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move deadlines' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Move a deadline into the past?' });
    expect(dialog.textContent).toMatch(/self-review deadline .*2001 is already past/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.extend).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Move deadlines' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move it anyway' }));
    await waitFor(() => expect(api.extend).toHaveBeenCalledWith({ cycleId: CYCLE, selfDeadline: '2001-02-03', allowPast: true }));
  });
});
