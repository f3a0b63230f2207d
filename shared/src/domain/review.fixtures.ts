import type { RuleContext } from './record';
import type { Review, ReviewState } from './review';
import type { Section } from './review-template';

/** People, a template and a review in any state, shared by the review rule tests. */
export const EMP = '01900000-0000-7000-8000-000000000001';
export const MGR = '01900000-0000-7000-8000-000000000002';
export const OTHER = '01900000-0000-7000-8000-000000000003';
export const HR = '01900000-0000-7000-8000-000000000004';
export const RID = '01900000-0000-7000-8000-0000000000aa';
export const NOW = Date.parse('2026-11-20T12:00:00Z');

const scale = { min: 1, max: 5, labels: ['Below', 'Partly', 'Meets', 'Exceeds', 'Exceptional'] };
const TEMPLATE: Section[] = [
  {
    id: 's1',
    kind: 'questions',
    title: 'The year',
    questions: [
      { id: 'q-self', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
      { id: 'q-both', kind: 'rating', prompt: 'Overall', answeredBy: 'both', required: true, scale },
      { id: 'q-mgr', kind: 'text', prompt: 'Manager summary', answeredBy: 'manager', required: true },
      {
        id: 'q-comp',
        kind: 'competency',
        prompt: 'Collaboration',
        answeredBy: 'both',
        required: false,
        competency: { name: 'Collaboration', description: 'Works well with others' },
        scale,
      },
    ],
  },
  { id: 'g', kind: 'goals', title: 'Goals' },
];

export function review(state: ReviewState, over: Partial<Review> = {}): Review {
  const signed = state === 'signed_off' || state === 'acknowledged';
  return {
    id: RID,
    ownerId: EMP,
    cycleId: '01900000-0000-7000-8000-0000000000cc',
    managerId: MGR,
    cycleName: 'H2 2026',
    periodStart: '2026-07-01',
    periodEnd: '2026-12-31',
    template: TEMPLATE,
    state,
    selfDeadline: '2026-11-30',
    managerDeadline: '2026-12-15',
    selfSubmittedAt: null,
    managerSubmittedAt: null,
    signedOffAt: signed ? Date.parse('2026-11-18T09:00:00Z') : null,
    acknowledgedAt: null,
    ackComment: '',
    selfAnswers: { 'q-self': { text: 'Shipped search' }, 'q-both': { rating: 4 } },
    managerAnswers: { 'q-mgr': { text: 'Great half' }, 'q-both': { rating: 4 } },
    reopenCount: 0,
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    version: 7,
    deleted: false,
    ...over,
  };
}

export const ctx = (personId: string, over: Partial<RuleContext> = {}): RuleContext => ({
  actor: { personId, role: personId === HR ? 'hr' : 'employee' },
  now: NOW,
  reports: personId === MGR ? [EMP] : [],
  ...over,
});

export const selfAnswer = { id: RID, side: 'self' as const, questionId: 'q-self', answer: { text: 'More' } };
export const mgrAnswer = { id: RID, side: 'manager' as const, questionId: 'q-mgr', answer: { text: 'Solid' } };
