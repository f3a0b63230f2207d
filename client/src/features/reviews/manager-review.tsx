import { answeredBySide, type Review } from '@merit/shared/domain/review';
import { useState } from 'react';
import { useDb, useEvidence, useNotifications } from '@/db/hooks';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError } from '@/ui/field';
import { Tabs } from '@/ui/tabs';
import { useToast } from '@/ui/toast';
import { EvidencePanel } from './evidence-panel';
import { AnswerView, QuestionField } from './question-field';
import { reopenReason, requireAnswers } from './required-first';
import { AnswersReadOnly, citeViews, GoalsSection, ReviewHead, sectionsFor } from './review-parts';
import { ReviewSplit, useWide } from './review-split';
import { dayOf, localRefusal } from './review-words';
import { useAnswerSaver } from './use-answer-saver';
import { useCiting } from './use-citing';

/**
 * The manager's side of a report's review: the submitted self-review (never before submission: the server
 * strips it), the manager's questions saved as they go, the report's shared wins; then submit and sign off.
 */
export function ManagerReview({ review, name }: { review: Review; name: string }) {
  const mutate = useMutate();
  const { db } = useDb();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('mine');
  const [theirTab, setTheirTab] = useState('self');
  const wide = useWide();
  const [confirm, setConfirm] = useState<'signOff' | null>(null);
  const reason = reopenReason(useNotifications(), review.id);
  const evidence = useEvidence(review.ownerId, review.periodStart, review.periodEnd);
  const { save, flush, settle } = useAnswerSaver(review.id, 'manager', setError);
  const { current, currentId, setCurrentId, isCited, onCite } = useCiting(review, 'manager', save);
  const first = name.split(/\s+/)[0] || name;

  if (review.state === 'not_started' || review.state === 'self_in_progress')
    return (
      <>
        <ReviewHead review={review} who="Your review as their manager" due={review.managerDeadline} />
        <p className="notice">
          {first} has not submitted their self-review yet. You can write yours once they do; until then it stays private to them.
        </p>
        <h2 className="section-title">{first}'s shared wins</h2>
        <EvidencePanel items={evidence} target={null} isCited={() => false} emptyText={`${first} has not shared wins from this period.`} />
      </>
    );

  const editable = review.state === 'self_submitted' || review.state === 'manager_in_progress';
  // One step for the manager: "Sign off" submits their side (when still open) and signs off, both queued in order.
  const run = async () => {
    flush();
    if (editable) {
      const s = await mutate('review.submitManager@1', { id: review.id });
      if (!s.ok) {
        setConfirm(null);
        setError(localRefusal(s.error.message));
        return;
      }
    }
    const r = await mutate('review.signOff@1', { id: review.id });
    setConfirm(null);
    if (r.ok) toast(`Review signed off and shared with ${first}`);
    else setError(localRefusal(r.error.message));
  };
  const askSignOff = async () => {
    await settle();
    // The newest local copy: an answer saved on blur a moment ago may not have re-rendered yet.
    const latest = (await db.reviews.get(review.id)) ?? review;
    if (!editable || requireAnswers(latest, 'manager', setError)) setConfirm('signOff');
    else setTab('mine');
  };

  const mine = editable ? (
    <div className="stack">
      {sectionsFor(review.template, ['manager']).map(({ section, questions: qs }) => (
        <section key={section.id} className="card review-section" aria-labelledby={`msec-${section.id}`}>
          <h2 className="section-title" id={`msec-${section.id}`}>
            {section.title}
          </h2>
          {section.kind === 'goals' ? (
            <GoalsSection review={review} />
          ) : (
            qs.map((q) => (
              <div key={q.id} data-question={q.id}>
                {!wide && answeredBySide(q, 'self') && (
                  <AnswerView
                    question={q}
                    answer={review.selfAnswers[q.id]}
                    cites={citeViews(review.selfAnswers[q.id], evidence)}
                    who={`${first} said`}
                  />
                )}
                <QuestionField
                  question={q}
                  answer={review.managerAnswers[q.id]}
                  cites={citeViews(review.managerAnswers[q.id], evidence)}
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
      <button type="button" className="btn btn-primary btn-block" onClick={() => void askSignOff()}>
        Sign off and share with {first}
      </button>
      <p className="field-hint">Saved on this device as you go; {first} sees it only once you sign it off.</p>
    </div>
  ) : (
    <div className="stack">
      <p className="notice">
        You submitted this review
        {review.managerSubmittedAt ? ` on ${dayOf(review.managerSubmittedAt)}` : ''}. Sign it off to share it with {first}; after that
        nobody can change it.
      </p>
      <AnswersReadOnly review={review} sides={['manager']} evidence={evidence} names={{ self: first, manager: 'You' }} />
      <FormError>{error}</FormError>
      <button type="button" className="btn btn-primary btn-block" onClick={() => void askSignOff()}>
        Sign off
      </button>
    </div>
  );

  const selfTab = {
    id: 'self',
    label: `${first}'s`,
    panel: <AnswersReadOnly review={review} sides={['self']} evidence={evidence} names={{ self: first, manager: 'You' }} goals={!wide} />,
  };
  const winsTab = {
    id: 'wins',
    label: `Wins${evidence ? ` (${evidence.length})` : ''}`,
    panel: (
      <EvidencePanel
        items={evidence}
        target={editable && current ? { prompt: current.prompt } : null}
        isCited={isCited}
        onCite={editable ? onCite : undefined}
        emptyText={`${first} has not shared wins from this period.`}
      />
    ),
  };

  return (
    <>
      <ReviewHead review={review} who="Your review as their manager" due={review.managerDeadline} />
      {review.reopenCount > 0 && editable && (
        <p className="notice notice-warn" role="status" data-testid="reopen-banner">
          HR reopened this review{reason ? `: ${reason}` : ''}. Change what is needed, then sign it off again.
        </p>
      )}
      {wide ? (
        <ReviewSplit
          mineTitle="Yours"
          mine={mine}
          theirs={<Tabs label={`${first}'s side`} current={theirTab} onChange={setTheirTab} tabs={[selfTab, winsTab]} />}
        />
      ) : (
        <Tabs
          label={`Review of ${name}`}
          current={tab}
          onChange={setTab}
          tabs={[{ id: 'mine', label: 'Yours', panel: mine }, selfTab, winsTab]}
        />
      )}
      {confirm === 'signOff' && (
        <ConfirmDialog
          title={`Sign off ${first}'s review?`}
          confirmLabel="Sign off"
          onConfirm={() => void run()}
          onCancel={() => setConfirm(null)}
        >
          {first} sees your review at once and is asked to acknowledge it. After sign-off nobody can change it; only HR can reopen it.
        </ConfirmDialog>
      )}
    </>
  );
}
