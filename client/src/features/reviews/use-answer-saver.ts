import type { Side } from '@merit/shared/domain/review';
import type { Answer } from '@merit/shared/domain/review-template';
import { useCallback, useEffect, useRef } from 'react';
import { useMutate } from '@/sync/mutate';
import { localRefusal } from './review-words';

/** How long typing may pause before a text answer is saved (each keystroke restarts it, per question). */
export const SAVE_DELAY_MS = 600;

/**
 * Saves answers through `mutate('review.answer@1')`, one question at a time: ratings and cites at once, text
 * debounced per question; pending text is flushed on blur and when the screen goes away, so typing is on the
 * device (and in the outbox) before anything else can lose it. A text carries its `base`, the text it was typed
 * over (the first of a debounced run), so the server merges it with another device's edit or keeps it as a
 * conflict copy (S50). `onError` gets the rule's refusal (a locked review), which writes nothing; a deadline is
 * never refused on the device's clock (S51).
 */
export function useAnswerSaver(reviewId: string, side: Side, onError: (message: string | null) => void) {
  const mutate = useMutate();
  const pending = useRef(new Map<string, { patch: Answer; base: string | undefined; timer: ReturnType<typeof setTimeout> }>());
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const inflight = useRef(new Set<Promise<void>>());

  const send = useCallback(
    (questionId: string, answer: Answer, base: string | undefined) => {
      const p = (async () => {
        // Stored answers are trimmed (the schema trims), so the base is compared trimmed too.
        const from = base?.trim();
        const withBase = answer.text !== undefined && from !== undefined && from !== answer.text.trim();
        const args = { id: reviewId, side, questionId, answer, ...(withBase ? { base: { text: from } } : {}) };
        const r = await mutate('review.answer@1', args);
        errorRef.current(r.ok ? null : localRefusal(r.error.message));
      })();
      inflight.current.add(p);
      void p.finally(() => inflight.current.delete(p));
      return p;
    },
    [mutate, reviewId, side],
  );

  const flush = useCallback(
    (questionId?: string) => {
      for (const [qid, p] of pending.current) {
        if (questionId !== undefined && qid !== questionId) continue;
        clearTimeout(p.timer);
        pending.current.delete(qid);
        void send(qid, p.patch, p.base);
      }
    },
    [send],
  );

  const save = useCallback(
    (questionId: string, patch: Answer, debounce = false, base?: string) => {
      const prev = pending.current.get(questionId);
      if (prev) clearTimeout(prev.timer);
      const merged = { ...prev?.patch, ...patch };
      // A debounced run is one edit: its base is the text before its first keystroke.
      const from = prev ? (prev.base ?? base) : base;
      if (!debounce) {
        pending.current.delete(questionId);
        void send(questionId, merged, from);
        return;
      }
      pending.current.set(questionId, { patch: merged, base: from, timer: setTimeout(() => flush(questionId), SAVE_DELAY_MS) });
    },
    [send, flush],
  );

  /** Sends what is pending and waits until every save is in the local database (submit checks read it next). */
  const settle = useCallback(async () => {
    flush();
    await Promise.allSettled([...inflight.current]);
  }, [flush]);

  useEffect(() => () => flush(), [flush]);
  return { save, flush, settle };
}
