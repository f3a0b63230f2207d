import { fireEvent, render, screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { labelledResolver } from './form-resolver';
import { useLocalSubmit } from './local-submit';

interface Values {
  title: string;
  count: string;
}
const Schema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1)),
  count: z.pipe(z.string(), z.transform(Number)),
});
type Out = z.infer<typeof Schema>;
const resolver = labelledResolver<Values, Out>(Schema, { title: 'Title', count: 'Count' });

interface Probe {
  renders: number;
  /** The render count at each onValid call. */
  seen: number[];
  onValid(v: Out): Promise<void>;
}

function Form({ probe }: { probe: Probe }) {
  probe.renders++;
  const form = useForm<Values, unknown, Out>({ resolver, defaultValues: { title: '', count: '3' } });
  const submit = useLocalSubmit(form, Schema, (v) => {
    probe.seen.push(probe.renders);
    return probe.onValid(v);
  });
  return (
    <form onSubmit={submit} noValidate>
      <label>
        Title
        <input {...form.register('title')} />
      </label>
      {form.formState.errors.title && <p role="alert">{form.formState.errors.title.message}</p>}
      <button type="submit" disabled={form.formState.isSubmitting}>
        Save
      </button>
    </form>
  );
}

function setup(onValid: (v: Out) => Promise<void>): Probe {
  const probe: Probe = { renders: 0, seen: [], onValid };
  render(<Form probe={probe} />);
  return probe;
}

describe('useLocalSubmit', () => {
  it('calls onValid with the parsed values inside the tap itself, before the form renders again', () => {
    const onValid = vi.fn(async () => undefined);
    const probe = setup(onValid);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Shipped  ' } });
    const before = probe.renders;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // No await between the click and this line: the write has already started.
    expect(onValid).toHaveBeenCalledWith({ title: 'Shipped', count: 3 });
    expect(probe.seen).toEqual([before]);
  });

  it('leaves invalid values to react-hook-form: the labelled message shows and nothing is saved', async () => {
    const onValid = vi.fn(async () => undefined);
    setup(onValid);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Title is required');
    expect(onValid).not.toHaveBeenCalled();
  });

  it('ignores a second tap while the save runs, and takes the next one after it', async () => {
    let finish = () => {};
    const onValid = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    setup(onValid);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Once' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onValid).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(onValid).toHaveBeenCalledTimes(2);
    });
  });
});
