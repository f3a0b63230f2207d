import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GoalForm } from './goal-form';
import { type GoalFormOutput, valuesToGoal } from './goal-form-schema';

const setup = (props: Partial<Parameters<typeof GoalForm>[0]> = {}) => {
  const onSave = vi.fn(async (_: GoalFormOutput) => undefined as string | undefined);
  render(
    <GoalForm onSave={onSave} onCancel={() => undefined} submitLabel="Save goal" parents={[]} now={new Date(2026, 9, 1)} {...props} />,
  );
  return { onSave };
};
const type = (label: string, value: string, nth = 0) => {
  const el = screen.getAllByLabelText(label)[nth];
  if (!el) throw new Error(`no field ${label}`);
  fireEvent.change(el, { target: { value } });
};

describe('GoalForm', () => {
  it('defaults to a quarter from today, shared with the manager, one key result; objective focused', () => {
    setup();
    expect(document.activeElement).toBe(screen.getByLabelText('Objective'));
    expect(screen.getByLabelText('Period start')).toHaveProperty('value', '2026-10-01');
    expect(screen.getByLabelText('Due date')).toHaveProperty('value', '2027-01-01');
    expect(screen.getByLabelText('My manager')).toHaveProperty('checked', true);
    expect(screen.getAllByLabelText('Measure')).toHaveLength(1);
  });

  it('refuses a missing objective, an unnamed result and a target that is not a number, naming each; saves nothing', async () => {
    const { onSave } = setup();
    type('Target', 'ten');
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('Objective is required')).toBeTruthy();
    expect(screen.getByText('Name the key result')).toBeTruthy();
    expect(screen.getByText('Target must be a number')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a due date before the start, under the due date', async () => {
    const { onSave } = setup();
    type('Objective', 'Grow');
    type('Measure', 'Deals');
    type('Target', '10');
    type('Due date', '2026-09-01');
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('Due date must be on or after the start')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves two key results with numbers; a done/not-done result needs no start or target', async () => {
    const { onSave } = setup();
    type('Objective', 'Grow the pilot');
    type('Measure', 'Deals signed');
    type('Target', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Add a key result' }));
    type('Measure', 'Case study published', 1);
    fireEvent.change(screen.getAllByLabelText('Kind')[1] as HTMLElement, { target: { value: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const out = onSave.mock.calls[0]?.[0];
    if (!out) throw new Error('no save');
    const goal = valuesToGoal(out);
    expect(goal.keyResults.map((k) => [k.title, k.kind, k.start, k.target, k.weight])).toEqual([
      ['Deals signed', 'number', 0, 12, 1],
      ['Case study published', 'done', 0, 1, 1],
    ]);
    expect(goal.parentId).toBeNull();
  });

  it('offers no "Private" for a proposal to a report', () => {
    setup({ allowPrivate: false });
    expect(screen.queryByLabelText('Private')).toBeNull();
  });
});
