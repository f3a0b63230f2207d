import { today } from '@merit/shared/domain/common';
import { LIMITS } from '@merit/shared/limits';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WinForm } from './win-form';
import { splitTags } from './win-form-schema';

const setup = (props: Partial<Parameters<typeof WinForm>[0]> = {}) => {
  const onSave = vi.fn(async () => undefined as string | undefined);
  const onCancel = vi.fn();
  render(<WinForm onSave={onSave} onCancel={onCancel} {...props} />);
  return { onSave, onCancel };
};

describe('WinForm', () => {
  it('opens with the title focused, so "Log a win" then typing is all it takes', () => {
    setup();
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });

  it("defaults the date to today's local day and the visibility to private", () => {
    setup();
    expect(screen.getByLabelText('Date')).toHaveProperty('value', today());
    expect(screen.getByLabelText('Private')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Shared with my manager')).toHaveProperty('checked', false);
  });

  it('takes the default day from `now` (local calendar day, not UTC)', () => {
    setup({ now: new Date(2025, 11, 31, 23, 30) });
    expect(screen.getByLabelText('Date')).toHaveProperty('value', '2025-12-31');
  });

  it('refuses an empty title with a message naming the field, under the field, and saves nothing', async () => {
    const { onSave } = setup();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(title.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(message?.textContent).toBe('Title is required');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('uses the shared limits: a title over the maximum is refused with the number', async () => {
    const { onSave } = setup();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'x'.repeat(LIMITS.titleMax + 1) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    expect(await screen.findByText(`Title must be at most ${LIMITS.titleMax} characters`)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a tag that is too long, naming the tags field', async () => {
    const { onSave } = setup();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Shipped' } });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: `ok, ${'t'.repeat(LIMITS.tagMax + 1)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    expect(await screen.findByText(/^Tags: at most/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the parsed win: trimmed title, tags as a list, the chosen visibility', async () => {
    const { onSave } = setup();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Closed the backlog ' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'All 140 tickets' } });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'Delivery, #support,, ' } });
    fireEvent.click(screen.getByLabelText('Shared with my manager'));
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      title: 'Closed the backlog',
      date: today(),
      description: 'All 140 tickets',
      tags: ['delivery', 'support'],
      visibility: 'manager',
    });
  });

  it('shows why a save failed at the form level and keeps what was typed', async () => {
    setup({ onSave: async () => 'This device has no storage space left for Merit.' });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Kept' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save win' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no storage space');
    expect(screen.getByLabelText('Title')).toHaveProperty('value', 'Kept');
  });

  it('offers the tags already in use as one-tap chips', () => {
    setup({ suggestions: ['delivery', 'mentoring'] });
    fireEvent.click(screen.getByRole('button', { name: '+ mentoring' }));
    fireEvent.click(screen.getByRole('button', { name: '+ delivery' }));
    expect(screen.getByLabelText('Tags')).toHaveProperty('value', 'mentoring, delivery');
    expect(screen.queryByRole('button', { name: '+ delivery' })).toBeNull();
  });
});

describe('splitTags', () => {
  it.each([
    ['', []],
    ['a, b', ['a', 'b']],
    [' #Launch ,, launch2 ', ['launch', 'launch2']],
    ['one\ntwo', ['one', 'two']],
  ])('%j -> %j', (input, tags) => expect(splitTags(input)).toEqual(tags));
});
