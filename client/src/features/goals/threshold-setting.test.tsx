import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '@/ui/toast';
import { ThresholdSetting } from './threshold-setting';

// The network boundary only: what the server does with it is tested in server/src/goals/goals.test.ts.
const api = vi.hoisted(() => ({ set: vi.fn(async (i: { percent: number }) => ({ achievementThreshold: i.percent / 100 })) }));
vi.mock('@/lib/trpc', () => ({ trpc: { goals: { setAchievementThreshold: { mutate: api.set } } } }));

const setup = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ToastProvider>
        <ThresholdSetting threshold={0.7} />
      </ToastProvider>
    </QueryClientProvider>,
  );

describe('ThresholdSetting (HR)', () => {
  it('shows the current threshold, refuses a value outside 1-100 without calling the server, then saves a good one', async () => {
    setup();
    const field = screen.getByLabelText('Counts as achieved at (% of target)');
    expect(field).toHaveProperty('value', '70');
    fireEvent.change(field, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save threshold' }));
    expect(await screen.findByText('Enter a whole percentage from 1 to 100')).toBeTruthy();
    expect(api.set).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save threshold' }));
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ percent: 80 }));
    expect(await screen.findByText('Achievement threshold saved')).toBeTruthy();
  });
});
