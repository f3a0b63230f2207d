import type { Review } from '@merit/shared/domain/review';
import type { Section } from '@merit/shared/domain/review-template';
import { uuidv7 } from '@merit/shared/ids';
import type { Db } from '../db/client';
import { bumpSpace } from '../sync/space-version';
import { upsert } from '../sync/tables';

/**
 * A test factory (not a procedure under test): inserts a template, a launched cycle and one review with SQL,
 * the way HR's launch leaves them, bumping the reviewee's space so devices pull it.
 */
export const FIXTURE_TEMPLATE: Section[] = [
  {
    id: 'sec-1',
    kind: 'questions',
    title: 'Your half-year',
    questions: [
      { id: 'well', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
      {
        id: 'overall',
        kind: 'rating',
        prompt: 'Overall performance',
        answeredBy: 'both',
        required: true,
        scale: { min: 1, max: 5, labels: ['Below expectations', 'Partly meets', 'Meets', 'Exceeds', 'Exceptional'] },
      },
      { id: 'summary', kind: 'text', prompt: 'Manager summary', answeredBy: 'manager', required: true },
    ],
  },
];

export interface ReviewFixture {
  reviewId: string;
  cycleId: string;
  templateId: string;
}

export async function createReviewFixture(
  db: Db,
  opts: { ownerId: string; managerId: string | null; selfDeadline?: string; managerDeadline?: string; template?: Section[] },
): Promise<ReviewFixture> {
  const templateId = uuidv7();
  const cycleId = uuidv7();
  const reviewId = uuidv7();
  const template = opts.template ?? FIXTURE_TEMPLATE;
  const selfDeadline = opts.selfDeadline ?? '2999-12-31';
  const managerDeadline = opts.managerDeadline ?? '2999-12-31';
  await db.tx(async (q) => {
    await q.query('insert into review_template (id, name, sections, frozen) values ($1, $2, $3::jsonb, true)', [
      templateId,
      'Half-year',
      JSON.stringify(template),
    ]);
    await q.query(
      `insert into review_cycle (id, name, template_id, period_start, period_end, self_deadline, manager_deadline, status, launched_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'launched', now())`,
      [cycleId, 'H2 2026', templateId, '2026-07-01', '2026-12-31', selfDeadline, managerDeadline],
    );
    const now = Date.now();
    const row: Review = {
      id: reviewId,
      ownerId: opts.ownerId,
      cycleId,
      managerId: opts.managerId,
      cycleName: 'H2 2026',
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      template,
      state: 'not_started',
      selfDeadline,
      managerDeadline,
      selfSubmittedAt: null,
      managerSubmittedAt: null,
      signedOffAt: null,
      acknowledgedAt: null,
      ackComment: '',
      selfAnswers: {},
      managerAnswers: {},
      reopenCount: 0,
      createdAt: now,
      updatedAt: now,
      version: await bumpSpace(q, opts.ownerId),
      deleted: false,
    };
    await upsert(q, 'reviews', row as unknown as Record<string, unknown>);
  });
  return { reviewId, cycleId, templateId };
}
