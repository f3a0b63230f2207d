import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { navigate } from './router';
import { ToastProvider, useToast } from './toast';

function Shower() {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast('Saved')}>
      show
    </button>
  );
}

describe('toasts (issue 12)', () => {
  it('live through the navigation their own action caused, and end on the next one', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      render(
        <ToastProvider>
          <Shower />
        </ToastProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: 'show' }));
      act(() => navigate('/wins'));
      expect(screen.getByText('Saved')).toBeTruthy();
      act(() => vi.advanceTimersByTime(1500));
      act(() => navigate('/goals'));
      expect(screen.queryByText('Saved')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
