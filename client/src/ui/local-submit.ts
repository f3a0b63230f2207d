import { type FormEvent, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type * as z from 'zod/mini';

/**
 * A form's submit handler for a local write (mutate into IndexedDB). When the values are valid, `onValid`
 * runs in the same task as the tap, before anything re-renders: react-hook-form's own handleSubmit sets
 * `isSubmitting` and clears `errors` first, and those renders (and the frames they cause) ran between the
 * write's IndexedDB requests and their replies, which the browser queues behind rendering. That was most
 * of the 200-300 ms from tap to committed outbox at 4x CPU (docs/SYNC.md, Figures). The UI moves after
 * the commit. Invalid values go through handleSubmit as before, so messages, focus and re-validation on
 * change are unchanged. A second tap while a save is running does nothing.
 */
export function useLocalSubmit<In extends FieldValues, Out>(
  form: Pick<UseFormReturn<In, unknown, Out>, 'getValues' | 'handleSubmit'>,
  schema: z.ZodMiniType<Out, In>,
  onValid: (values: Out) => Promise<void>,
): (e: FormEvent) => Promise<void> {
  const saving = useRef(false);
  return async (e) => {
    e.preventDefault();
    if (saving.current) return;
    const parsed = schema.safeParse(form.getValues());
    if (!parsed.success) return form.handleSubmit(onValid)(e);
    saving.current = true;
    try {
      await onValid(parsed.data);
    } finally {
      saving.current = false;
    }
  };
}
