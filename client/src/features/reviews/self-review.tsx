import type { Review } from '@merit/shared/domain/review';
import { useState } from 'react';
import { useDb, useEvidence } from '@/db/hooks';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError } from '@/ui/field';
import { formatDay } from '@/ui/format';
import { Tabs } from '@/ui/tabs';
import { useToast } from '@/ui/toast';
import { EvidencePanel } from './evidence-panel';
import { QuestionField } from './question-field';
import { requireAnswers } from './required-first';
import { AnswersReadOnly, citeViews, GoalsSection, ReviewHead, sectionsFor } from './review-parts';
import { dayOf, localRefusal } from './review-words';
import { useAnswerSaver } from './use-answer-saver';
import { useCiting } from './use-citing';

/**
 * The reviewee's self-review: the template's self questions, saved on every change through `mutate` (text
 * debounced per question), beside the evidence of the period; tapping an item cites it in the current answer.
 */
export function SelfReviewForm({ review }: { review: Review }) {
  const mutate = useMutate();
  const { db } = useDb();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('questions');
  const [confirming, setConfirming] = useState(false);
  const evidence = useEvidence(review.ownerId, review.periodStart, review.periodEnd);
  const { save, flush, settle } = useAnswerSaver(review.id, 'self', setError);
  const { current, currentId, setCurrentId, isCited, onCite } = useCiting(review, 'self', save);
  const submit = async () => {
    flush();
    const r = await mutate('review.submitSelf@1', { id: review.id });
    setConfirming(false);
    if (r.ok) toast('Self-review submitted');
    else setError(localRefusal(r.error.message));
  };

  const form = (
    <div className="stack">
      {sectionsFor(review.template, ['self']).map(({ section, questions: qs }) => (
        <section key={section.id} className="card review-section" aria-labelledby={`sec-${section.id}`}>
          <h2 className="section-title" id={`sec-${section.id}`}>
            {section.title}
          </h2>
          {section.kind === 'goals' ? (
            <GoalsSection review={review} />
          ) : (
            qs.map((q) => (
              <div key={q.id} data-question={q.id}>
                <QuestionField
                  question={q}
                  answer={review.selfAnswers[q.id]}
                  cites={citeViews(review.selfAnswers[q.id], evidence)}
                  current={q.id === currentId}
                  onFocus={() => setCurrentId(q.id)}
                  onSave={(patch, debounce, base) => save(q.id, patch, debounce, base)}
                  onFlush={() => flush(q.id)}
                />
              </div>
            ))
          )}
        </section>
      ))}
      <FormError>{error}</FormError>
      <button
        type="button"
        className="btn btn-primary btn-block"
        onClick={async () => {
          await settle();
          // The newest local copy: an answer saved on blur a moment ago may not have re-rendered yet.
          const latest = (await db.reviews.get(review.id)) ?? review;
          if (requireAnswers(latest, 'self', setError)) setConfirming(true);
        }}
      >
        Submit self-review
      </button>
      <p className="field-hint">
        Every change is saved on this device as you go and syncs when you are online; nobody else sees it. Submitting shares it with your
        manager.
      </p>
    </div>
  );

  return (
    <>
      <ReviewHead review={review} who="Your self-review" due={review.selfDeadline} />
      <Tabs
        label="Self-review"
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'questions', label: 'Questions', panel: form },
          {
            id: 'evidence',
            label: `Evidence${evidence ? ` (${evidence.length})` : ''}`,
            panel: (
              <EvidencePanel
                items={evidence}
                target={current ? { prompt: current.prompt } : null}
                isCited={isCited}
                onCite={onCite}
                emptyText="Wins you log with a date in this period show up here."
              />
            ),
          },
        ]}
      />
      {confirming && (
        <ConfirmDialog
          title="Submit your self-review?"
          confirmLabel="Submit"
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
        >
          Your manager sees it next and writes their review beside it. You cannot change it afterwards. It is due{' '}
          {formatDay(review.selfDeadline)}.
        </ConfirmDialog>
      )}
    </>
  );
}

/** After submitting and until sign-off: what the reviewee sent, read-only. */
export function SelfReviewSubmitted({ review }: { review: Review }) {
  const evidence = useEvidence(review.ownerId, review.periodStart, review.periodEnd);
  return (
    <>
      <ReviewHead review={review} who="Your self-review" due={null} />
      <p className="notice notice-ok">
        Submitted{review.selfSubmittedAt ? ` on ${dayOf(review.selfSubmittedAt)}` : ''}. Your manager's review shows here once they sign it
        off.
      </p>
      <AnswersReadOnly review={review} sides={['self']} evidence={evidence} names={{ self: 'You', manager: 'Manager' }} />
    </>
  );
}
