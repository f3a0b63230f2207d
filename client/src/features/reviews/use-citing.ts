import { answeredBySide, questionsOf, type Review, type Side } from '@merit/shared/domain/review';
import type { Answer } from '@merit/shared/domain/review-template';
import { useState } from 'react';
import type { EvidenceItem } from '@/db/hooks';
import { useToast } from '@/ui/toast';

const sameItem = (a: { id: string; table: string }, b: { id: string; table: string }) => a.id === b.id && a.table === b.table;

/**
 * The question the evidence panel cites into (the one last focused; at first the first text question) and
 * citing or un-citing an item there, for one side of a review.
 */
export function useCiting(review: Review, side: Side, save: (questionId: string, patch: Answer) => void) {
  const toast = useToast();
  const questions = questionsOf(review.template).filter((q) => answeredBySide(q, side));
  const [currentId, setCurrentId] = useState<string | undefined>(questions.find((q) => q.kind === 'text')?.id ?? questions[0]?.id);
  const current = questions.find((q) => q.id === currentId);
  const answers = side === 'self' ? review.selfAnswers : review.managerAnswers;
  const cites = (current && answers[current.id]?.cites) || [];

  const isCited = (i: EvidenceItem) => cites.some((c) => sameItem(c, i));
  const onCite = (i: EvidenceItem) => {
    if (!current) return;
    const cited = isCited(i);
    save(current.id, { cites: cited ? cites.filter((c) => !sameItem(c, i)) : [...cites, { table: i.table, id: i.id }] });
    toast(cited ? `Removed "${i.title}"` : `Cited "${i.title}"`);
  };
  return { current, currentId, setCurrentId, isCited, onCite };
}
