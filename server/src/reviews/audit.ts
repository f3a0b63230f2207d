import type { Actor } from '@merit/shared/domain/person';
import type { Review } from '@merit/shared/domain/review';
import type { AuditAction } from '../audit/audit';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';

type Row = Record<string, unknown>;

const STEPS: Record<string, AuditAction> = {
  'review.submitSelf': 'review.submit_self',
  'review.submitManager': 'review.submit_manager',
  'review.signOff': 'review.sign_off',
  'review.acknowledge': 'review.acknowledge',
};

/**
 * The push path's audit hook, called in the mutation's transaction after its rule applied: submits, sign-off
 * and acknowledgement are audited; so is every answer changed after an HR reopen, with its before and after.
 * Keyed by mutation name (without its version); other mutations are not audited.
 */
export async function auditAppliedMutation(q: Queryable, name: string, prev: Row | undefined, next: Row, actor: Actor): Promise<void> {
  const base = name.split('@')[0] ?? '';
  if (!base.startsWith('review.')) return;
  const after = next as unknown as Review;
  const details: Record<string, unknown> = { reviewId: after.id, cycleId: after.cycleId, state: after.state };
  const step = STEPS[base];
  if (step) {
    if (base === 'review.acknowledge' && after.ackComment) details.comment = after.ackComment;
    await audit(q, { actorId: actor.personId, action: step, subjectId: after.ownerId, details });
    return;
  }
  if (base !== 'review.answer' || after.reopenCount === 0 || !prev) return;
  const before = prev as unknown as Review;
  for (const key of ['selfAnswers', 'managerAnswers'] as const) {
    const was = before[key];
    const now = after[key];
    for (const qid of Object.keys(now)) {
      if (JSON.stringify(was[qid] ?? null) === JSON.stringify(now[qid] ?? null)) continue;
      await audit(q, {
        actorId: actor.personId,
        action: 'review.answer_after_reopen',
        subjectId: after.ownerId,
        details: {
          ...details,
          reopenCount: after.reopenCount,
          side: key === 'selfAnswers' ? 'self' : 'manager',
          questionId: qid,
          before: was[qid] ?? null,
          after: now[qid] ?? null,
        },
      });
    }
  }
}
