import type { Review } from '@merit/shared/domain/review';
import { useState } from 'react';
import { useEvidence } from '@/db/hooks';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError, TextArea } from '@/ui/field';
import { useToast } from '@/ui/toast';
import { AnswersReadOnly, ReviewHead } from './review-parts';
import { dayOf, localRefusal } from './review-words';

/** A signed-off review, both sides; the reviewee acknowledges it with an optional comment. */
export function SignedReview({ review, as, name }: { review: Review; as: 'reviewee' | 'manager'; name: string }) {
  const mutate = useMutate();
  const toast = useToast();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const evidence = useEvidence(review.ownerId, review.periodStart, review.periodEnd);
  const [confirming, setConfirming] = useState(false);
  const acknowledge = async () => {
    const r = await mutate('review.acknowledge@1', { id: review.id, comment });
    setConfirming(false);
    if (r.ok) toast('Review acknowledged');
    else setError(localRefusal(r.error.message));
  };
  return (
    <>
      <ReviewHead review={review} who={as === 'reviewee' ? 'You and your manager' : `${name} and you`} due={null} />
      <p className="notice notice-ok">
        Signed off on {dayOf(review.signedOffAt)}
        {review.state === 'acknowledged' && <>; acknowledged on {dayOf(review.acknowledgedAt)}</>}.
      </p>
      <AnswersReadOnly
        review={review}
        sides={['self', 'manager']}
        evidence={evidence}
        names={as === 'reviewee' ? { self: 'You', manager: 'Your manager' } : { self: name, manager: 'You' }}
      />
      {review.state === 'acknowledged' && review.ackComment && (
        <section className="card review-section" aria-labelledby="ack-title">
          <h2 className="section-title" id="ack-title">
            {as === 'reviewee' ? 'Your comment' : `${name}'s comment`}
          </h2>
          <p className="answer-text">{review.ackComment}</p>
        </section>
      )}
      {review.state === 'signed_off' && as === 'reviewee' && (
        <section className="card review-section stack" aria-labelledby="ack-title">
          <h2 className="section-title" id="ack-title">
            Acknowledge
          </h2>
          <TextArea
            label="Comment (optional)"
            hint="Acknowledging says you have read it, not that you agree."
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          <FormError>{error}</FormError>
          <button type="button" className="btn btn-primary btn-block" onClick={() => setConfirming(true)}>
            Acknowledge review
          </button>
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          title="Acknowledge this review?"
          confirmLabel="Acknowledge"
          onConfirm={() => void acknowledge()}
          onCancel={() => setConfirming(false)}
        >
          This says you have read it, not that you agree. {comment.trim() ? 'Your manager and HR see your comment. ' : ''}You cannot undo it
          or change the comment afterwards.
        </ConfirmDialog>
      )}
    </>
  );
}
