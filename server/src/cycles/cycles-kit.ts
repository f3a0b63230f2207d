import type { CycleCreateInput } from '@merit/shared/domain/cycle';
import type { Section } from '@merit/shared/domain/review-template';
import type { Db } from '../db/client';
import type { ChangeBus } from '../sync/bus';
import { callerAs, type TestPerson } from '../test/context';

/** A small template: a rating both sides answer, a self text, a manager text, and the goals section. */
export const SECTIONS: Section[] = [
  {
    id: 'impact',
    kind: 'questions',
    title: 'Impact',
    questions: [
      {
        id: 'q-rating',
        kind: 'rating',
        prompt: 'Overall impact',
        answeredBy: 'both',
        required: true,
        scale: { min: 1, max: 3, labels: ['Low', 'Mid', 'High'] },
      },
      { id: 'q-self', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
      { id: 'q-mgr', kind: 'text', prompt: 'Manager comments', answeredBy: 'manager', required: false },
    ],
  },
  { id: 'goals', kind: 'goals', title: 'Goals' },
];

export function cycleInput(templateId: string, overrides: Partial<CycleCreateInput> = {}): CycleCreateInput {
  return {
    name: 'H1 2026',
    templateId,
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    selfDeadline: '2026-07-10',
    managerDeadline: '2026-07-20',
    selection: { kind: 'org' },
    ...overrides,
  };
}

/** A template and a draft cycle made through the procedures, as HR would. */
export async function draftCycle(db: Db, bus: ChangeBus, hr: TestPerson, overrides: Partial<CycleCreateInput> = {}) {
  const t = await callerAs(db, bus, hr).templates.create({ name: `T ${Math.random()}`, sections: SECTIONS });
  return callerAs(db, bus, hr).cycles.create(cycleInput(t.id, overrides));
}

/** Moves a review to a state directly (what the review mutations do through sync; not under test here). */
export async function setState(db: Db, reviewId: string, state: string) {
  await db.query('update review set state = $2 where id = $1', [reviewId, state]);
}
