import type { Actor } from '@merit/shared/domain/person';
import type { Answer, Section } from '@merit/shared/domain/review-template';
import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { launchCycle } from '../cycles/launch';
import type { Db } from '../db/client';
import { push } from '../sync/push';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const scale = { min: 1, max: 5, labels: ['Below expectations', 'Partly meets', 'Meets', 'Exceeds', 'Exceptional'] };

/** A year-end template of the usual shape: reflection, one overall rating, two competencies, goals. */
export const DEMO_TEMPLATE: Section[] = [
  {
    id: 'look-back',
    kind: 'questions',
    title: 'Looking back',
    questions: [
      { id: 'proud', kind: 'text', prompt: 'What are you proudest of this half?', answeredBy: 'self', required: true },
      { id: 'differently', kind: 'text', prompt: 'What would you do differently?', answeredBy: 'self', required: false },
      { id: 'overall', kind: 'rating', prompt: 'Overall performance', answeredBy: 'both', required: true, scale },
      {
        id: 'collab',
        kind: 'competency',
        prompt: 'Collaboration',
        answeredBy: 'both',
        required: false,
        competency: { name: 'Collaboration', description: 'Shares context early, helps others succeed, handles disagreement well.' },
        scale,
      },
      { id: 'summary', kind: 'text', prompt: 'Summary for the half', answeredBy: 'manager', required: true },
    ],
  },
  { id: 'goals', kind: 'goals', title: 'Goals of the period' },
];

const SELF: Record<string, Answer> = {
  proud: { text: 'Shipped the onboarding revamp with the team and kept support response times down while doing it.' },
  differently: { text: 'Ask for review earlier on the big changes.' },
  overall: { rating: 4 },
  collab: { rating: 4 },
};
const MANAGER: Record<string, Answer> = {
  overall: { rating: 4 },
  collab: { rating: 5 },
  summary: { text: 'A strong half: reliable delivery and generous with help. Next: lead a project end to end.' },
};

/** Runs the person's mutations through the real push, as their device would, so rules, audit and versions apply. */
async function pushAs(db: Db, actor: Actor, mutations: { name: string; args: unknown }[]) {
  const now = Date.now();
  const out = await push(
    db,
    actor,
    { protocol: PROTOCOL_VERSION, deviceId: uuidv7(), mutations: mutations.map((m, i) => ({ id: i + 1, ...m, createdAt: now })) },
    () => {},
  );
  const refused = out.results.find((r) => r.status !== 'applied');
  if (refused) throw new Error(`demo review: ${JSON.stringify(refused)}`);
}

const answers = (id: string, side: 'self' | 'manager', a: Record<string, Answer>) =>
  Object.entries(a).map(([questionId, answer]) => ({ name: 'review.answer@1', args: { id, side, questionId, answer } }));

/**
 * A launched half-year cycle for every department, so HR's live dashboard, a manager's list and an
 * employee's self-review have something to show: in each team about half the self-reviews are in, and the
 * manager signed a couple off. The first employee of the first team (the one the start-up lines name) is
 * left untouched, to try the self-review from the start.
 */
export async function seedDemoCycle(db: Db, hrId: string, untouched: ReadonlySet<string>): Promise<void> {
  const now = Date.now();
  const d = new Date(now);
  const half = d.getUTCMonth() < 6 ? 0 : 6;
  const templateId = uuidv7();
  const cycleId = uuidv7();
  await db.tx(async (q) => {
    await q.query('insert into review_template (id, name, description, sections, created_by) values ($1, $2, $3, $4::jsonb, $5)', [
      templateId,
      'Half-year review',
      'Reflection, an overall rating, collaboration and the goals of the period.',
      JSON.stringify(DEMO_TEMPLATE),
      hrId,
    ]);
    // Everyone who has a manager: the CEO has nobody to review them, which the launch screen would flag.
    const people = await q.query<{ id: string }>('select id from person where manager_id is not null and role <> $1 order by id', ['hr']);
    await q.query(
      `insert into review_cycle (id, name, template_id, period_start, period_end, self_deadline, manager_deadline, selection, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [
        cycleId,
        `H${half === 0 ? 1 : 2} ${d.getUTCFullYear()} review`,
        templateId,
        iso(Date.UTC(d.getUTCFullYear(), half, 1)),
        iso(Date.UTC(d.getUTCFullYear(), half + 6, 0)),
        iso(now + 7 * DAY),
        iso(now + 21 * DAY),
        JSON.stringify({ kind: 'list', personIds: people.map((p) => p.id) }),
        hrId,
      ],
    );
    await launchCycle(q, hrId, cycleId, now);
  });
  const reviews = await db.query<{ id: string; owner_id: string; manager_id: string | null }>(
    'select id, owner_id, manager_id from review where cycle_id = $1 order by owner_id',
    [cycleId],
  );
  for (const [i, r] of reviews.entries()) {
    if (untouched.has(r.owner_id) || r.manager_id === null || i % 2 === 1) continue;
    await pushAs(db, { personId: r.owner_id, role: 'employee' }, [
      ...answers(r.id, 'self', SELF),
      { name: 'review.submitSelf@1', args: { id: r.id } },
    ]);
    if (i % 6 !== 0) continue;
    const mgr: Actor = { personId: r.manager_id, role: 'employee' };
    await pushAs(db, mgr, [
      ...answers(r.id, 'manager', MANAGER),
      { name: 'review.submitManager@1', args: { id: r.id } },
      { name: 'review.signOff@1', args: { id: r.id } },
    ]);
  }
}
