import type { Side } from '@merit/shared/domain/review';
import type { Answer } from '@merit/shared/domain/review-template';
import { useCallback, useEffect, useRef } from 'react';
import { useMutate } from '@/sync/mutate';
import { localRefusal } from './review-words';

/** How long typing may pause before a text answer is saved (each keystroke restarts it, per question). */
export const SAVE_DELAY_MS = 600;

/**
 * Saves answers through `mutate('review.answer@1')`, one question at a time: ratings and cites at once, text
 * debounced per question; pending text is flushed on blur and when the screen goes away. `onError` gets the
 * rule's refusal (a locked review, a passed deadline), which writes nothing.
 */
export function useAnswerSaver(reviewId: string, side: Side, onError: (message: string | null) => void) {
  const mutate = useMutate();
  const pending = useRef(new Map<string, { patch: Answer; timer: ReturnType<typeof setTimeout> }>());
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const inflight = useRef(new Set<Promise<void>>());

  const send = useCallback(
    (questionId: string, answer: Answer) => {
      const p = (async () => {
        const r = await mutate('review.answer@1', { id: reviewId, side, questionId, answer });
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
        void send(qid, p.patch);
      }
    },
    [send],
  );

  const save = useCallback(
    (questionId: string, patch: Answer, debounce = false) => {
      const prev = pending.current.get(questionId);
      if (prev) clearTimeout(prev.timer);
      const merged = { ...prev?.patch, ...patch };
      if (!debounce) {
        pending.current.delete(questionId);
        void send(questionId, merged);
        return;
      }
      pending.current.set(questionId, { patch: merged, timer: setTimeout(() => flush(questionId), SAVE_DELAY_MS) });
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
