import type { ReactNode } from 'react';
import { useReview } from '@/db/hooks';
import type { Me } from '@/lib/me';
import { Link } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { ManagerReview } from './manager-review';
import { reportName } from './reviews-screen';
import { SelfReviewForm, SelfReviewSubmitted } from './self-review';
import { SignedReview } from './signed-review';

/** One review, as the reviewee or the reviewing manager sees it in its current state. */
export default function ReviewScreen({ me, id }: { me: Me; id: string }) {
  const review = useReview(id);
  if (review === undefined) return <Spinner label="Loading review" />;
  const mine = review?.ownerId === me.id;
  const managing = review?.managerId === me.id && !mine;
  const signed = review?.state === 'signed_off' || review?.state === 'acknowledged';
  const title = review === null ? 'Review' : mine ? (signed ? 'Your review' : 'Self-review') : reportName(me, review.ownerId);
  let body: ReactNode;
  if (review === null || (!mine && !managing))
    body = (
      <EmptyState
        title="Review not found"
        action={
          <Link href="/reviews" className="btn btn-secondary">
            All reviews
          </Link>
        }
      >
        It is not on this device. If it was just launched, it arrives with the next sync.
      </EmptyState>
    );
  else if (review.state === 'signed_off' || review.state === 'acknowledged')
    body = <SignedReview review={review} as={mine ? 'reviewee' : 'manager'} name={reportName(me, review.ownerId)} />;
  else if (managing) body = <ManagerReview review={review} name={reportName(me, review.ownerId)} />;
  else if (review.state === 'not_started' || review.state === 'self_in_progress') body = <SelfReviewForm review={review} />;
  else body = <SelfReviewSubmitted review={review} />;
  return (
    <section className="screen review-screen">
      <header className="screen-head">
        <h1 className="screen-title" tabIndex={-1}>
          {title}
        </h1>
        <div className="screen-actions">
          <Link href="/reviews" className="btn btn-ghost btn-small">
            All reviews
          </Link>
        </div>
      </header>
      {body}
    </section>
  );
}
