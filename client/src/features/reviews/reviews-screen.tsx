import type { Review } from '@merit/shared/domain/review';
import { useReviews } from '@/db/hooks';
import type { Me } from '@/lib/me';
import { formatDay } from '@/ui/format';
import { ChevronIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { deadlineFor, needsAction, stateWords } from './review-words';

type As = 'reviewee' | 'manager';

const order = (as: As) => (a: Review, b: Review) =>
  Number(needsAction(b.state, as)) - Number(needsAction(a.state, as)) || b.periodEnd.localeCompare(a.periodEnd);

export const reportName = (me: Pick<Me, 'reports'>, id: string) => me.reports?.find((r) => r.id === id)?.name ?? 'Your report';

function ReviewCard({ review, as, title }: { review: Review; as: As; title: string }) {
  const s = stateWords(review.state, as);
  const due = deadlineFor(review, as);
  return (
    <li>
      <Link href={`/reviews/${review.id}`} className="card review-card">
        <span className="review-card-main">
          <span className="review-card-title">{title}</span>
          <span className="review-card-sub">
            {review.cycleName} ·{' '}
            <span className="review-nowrap">
              {formatDay(review.periodStart)} – {formatDay(review.periodEnd)}
            </span>
          </span>
          {due && <span className="review-card-due">Due {formatDay(due)}</span>}
        </span>
        <span className={`badge badge-${s.tone}`}>{s.label}</span>
        <ChevronIcon width={18} height={18} className="review-card-chevron" />
      </Link>
    </li>
  );
}

/** My reviews, and, for a manager, the reviews to do for my reports: from this device, online or not. */
export default function ReviewsScreen({ me }: { me: Me }) {
  const reviews = useReviews();
  if (reviews === undefined) return <Spinner label="Loading reviews" />;
  const mine = reviews.filter((r) => r.ownerId === me.id).sort(order('reviewee'));
  const toDo = reviews.filter((r) => r.ownerId !== me.id && r.managerId === me.id).sort(order('manager'));
  return (
    <Screen title="Reviews">
      {mine.length === 0 && toDo.length === 0 && (
        <EmptyState title="No reviews yet">
          When HR launches a review cycle, your review shows up here, ready to fill in offline.
        </EmptyState>
      )}
      {mine.length > 0 && (
        <>
          <h2 className="section-title">My reviews</h2>
          <ul className="card-list" aria-label="My reviews">
            {mine.map((r) => (
              <ReviewCard key={r.id} review={r} as="reviewee" title="Self-review" />
            ))}
          </ul>
        </>
      )}
      {toDo.length > 0 && (
        <>
          <h2 className="section-title">To review</h2>
          <ul className="card-list" aria-label="Reviews to do">
            {toDo.map((r) => (
              <ReviewCard key={r.id} review={r} as="manager" title={reportName(me, r.ownerId)} />
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
