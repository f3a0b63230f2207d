import type { Goal, KeyResult } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import type { MutationName } from '@merit/shared/mutations';
import { getMeta } from '@/db/meta';
import { mutate } from '@/sync/mutate';
import type { TestDevice } from './devices';
import type { Made } from './model';

export type Rng = ReturnType<typeof rng>;

/** A small seeded generator (mulberry32), so a failing seed replays exactly. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const WORDS = ['shipped', 'fixed', 'mentored', 'launched', 'reviewed', 'closed', 'wrote', 'led'];
const DAYS = ['2026-11-18', '2026-11-19', '2026-11-20'];
type Action = { name: MutationName; args: unknown };

async function winAction(r: Rng, d: TestDevice, made: Made[], text: () => string): Promise<Action> {
  const wins = (await d.db.wins.toArray()).filter((w) => !w.deleted && w.ownerId === d.actor.personId);
  const inbox = (await d.db.rejections.toArray()).filter((x) => !x.dismissed);
  const choice = r.int(10);
  const target = r.pick(wins);
  if (choice < 4 || !target) {
    const args = {
      id: uuidv7(),
      title: text(),
      date: '2026-11-20',
      visibility: r.pick(['private', 'manager'] as const),
      tags: [r.pick(WORDS)],
    };
    return { name: 'win.create@1', args };
  }
  if (choice < 8) {
    const patch = r.int(2) ? { title: text() } : { description: text(), tags: [r.pick(WORDS), r.pick(WORDS)] };
    return { name: 'win.update@1', args: { id: target.id, patch } };
  }
  if (choice < 9 || inbox.length === 0) {
    const deleted = made.filter((m) => m.name === 'win.delete@1');
    const undo = r.int(3) === 0 ? r.pick(deleted) : undefined;
    const created = made.find((m) => m.name === 'win.create@1' && (m.args as { id: string }).id === (undo?.args as { id: string })?.id);
    if (undo && created) {
      // Undo of a delete made on any device, offline or not; the copy is the win as it was logged (S18).
      const { id, title, date, visibility, tags } = created.args as {
        id: string;
        title: string;
        date: string;
        visibility: string;
        tags: string[];
      };
      return { name: 'win.restore@1', args: { id, copy: { title, date, description: '', tags, visibility, goalId: null, krId: null } } };
    }
    return { name: 'win.delete@1', args: { id: target.id } };
  }
  return { name: 'inbox.dismiss@1', args: { id: r.pick(inbox)?.id } };
}

const newKr = (r: Rng, text: () => string): KeyResult => ({
  id: `k${r.int(1e9).toString(36)}`,
  title: text(),
  kind: r.pick(['number', 'percent'] as const) ?? 'number',
  start: 0,
  target: 10 + r.int(90),
  unit: '',
  weight: 1 + r.int(3),
  current: null,
});

/** The key result list as the edit form sends it: one field of one result changed, one added, or one removed. */
function editedKrs(r: Rng, krs: readonly KeyResult[], text: () => string): KeyResult[] {
  const i = r.int(krs.length);
  const how = r.int(5);
  if (how === 0 && krs.length < 4) return [...krs, newKr(r, text)];
  if (how === 1 && krs.length > 1) return krs.filter((_, j) => j !== i);
  const field = r.int(4);
  const change: Partial<KeyResult> =
    field === 0 ? { title: text() } : field === 1 ? { target: 1 + r.int(99) } : field === 2 ? { current: r.int(99) } : { weight: r.int(5) };
  return krs.map((k, j) => (j === i ? { ...k, ...change } : k));
}

async function goalAction(r: Rng, d: TestDevice, text: () => string): Promise<Action> {
  const goals = (await d.db.goals.toArray()).filter((g) => !g.deleted && g.ownerId === d.actor.personId);
  const g: Goal | undefined = r.pick(goals);
  const choice = r.int(12);
  if (choice < 2 || !g) {
    const keyResults = Array.from({ length: 1 + r.int(2) }, () => newKr(r, text));
    const visibility = r.pick(['private', 'manager', 'org'] as const);
    return {
      name: 'goal.create@1',
      args: { id: uuidv7(), title: text(), periodStart: '2026-10-01', dueDate: '2026-12-31', visibility, keyResults },
    };
  }
  if (choice < 7) {
    // As the edit screen does (S21): the whole list, with the list it edited from; now and then an older client without it.
    const base = r.int(6) === 0 ? {} : { base: { keyResults: g.keyResults } };
    return { name: 'goal.update@1', args: { id: g.id, patch: { keyResults: editedKrs(r, g.keyResults, text) }, ...base } };
  }
  if (choice < 8)
    return { name: 'goal.update@1', args: { id: g.id, patch: { description: text() }, base: { description: g.description } } };
  if (choice < 9)
    return { name: 'goal.update@1', args: { id: g.id, patch: { status: r.pick(['active', 'achieved', 'missed', 'dropped'] as const) } } };
  if (choice < 11)
    return {
      name: 'goal.update@1',
      args: { id: g.id, patch: { visibility: r.pick(['private', 'manager', 'org'] as const), title: text() } },
    };
  return { name: 'goal.delete@1', args: { id: g.id } };
}

async function checkinAction(r: Rng, d: TestDevice, text: () => string): Promise<Action | undefined> {
  const goals = (await d.db.goals.toArray()).filter((g) => !g.deleted && g.ownerId === d.actor.personId);
  const g = r.pick(goals);
  const k = g && r.pick(g.keyResults);
  const checkins = (await d.db.checkins.toArray()).filter((c) => !c.deleted);
  const old = r.pick(checkins);
  if (old && r.int(6) === 0) return { name: 'checkin.delete@1', args: { id: old.id } };
  if (!g || !k) return undefined;
  const args = { id: uuidv7(), goalId: g.id, krId: k.id, value: r.int(100), confidence: r.int(11), note: text(), date: r.pick(DAYS) };
  return { name: 'checkin.create@1', args };
}

async function noteAction(r: Rng, d: TestDevice, text: () => string): Promise<Action> {
  const notes = (await d.db.notes.toArray()).filter((n) => !n.deleted);
  const n = r.pick(notes);
  const choice = r.int(10);
  if (choice < 3 || !n) return { name: 'note.create@1', args: { id: uuidv7(), body: text(), date: r.pick(DAYS), tags: [r.pick(WORDS)] } };
  if (choice < 7) return { name: 'note.update@1', args: { id: n.id, patch: { body: `${n.body} ${text()}` }, base: { body: n.body } } };
  if (choice < 9) return { name: 'note.update@1', args: { id: n.id, patch: r.int(2) ? { title: text() } : { pinned: r.int(2) === 0 } } };
  return { name: 'note.delete@1', args: { id: n.id } };
}

async function feedbackAction(r: Rng, d: TestDevice, text: () => string): Promise<Action> {
  const all = (await d.db.feedback.toArray()).filter((f) => !f.deleted);
  const f = r.pick(all);
  const choice = r.int(10);
  const visibility = r.pick(['private', 'manager'] as const);
  if (choice < 3 || !f)
    return {
      name: 'feedback.create@1',
      args: { id: uuidv7(), fromName: r.pick(['Ana', 'Ben', 'Chen']), date: r.pick(DAYS), body: text(), visibility },
    };
  if (choice < 7) return { name: 'feedback.update@1', args: { id: f.id, patch: { body: text() }, base: { body: f.body } } };
  if (choice < 9) return { name: 'feedback.update@1', args: { id: f.id, patch: { visibility } } };
  return { name: 'feedback.delete@1', args: { id: f.id } };
}

async function reviewAction(r: Rng, d: TestDevice, text: () => string): Promise<Action | undefined> {
  const review = (await d.db.reviews.toArray()).find((x) => x.ownerId === d.actor.personId && !x.deleted);
  if (!review) return undefined;
  // Submitting now and then, so later answers from devices that had not heard are refused into the inbox.
  if (r.int(8) === 0) return { name: 'review.submitSelf@1', args: { id: review.id } };
  const rating = r.int(2) === 0;
  const answer = rating ? { rating: 1 + r.int(3) } : { text: text() };
  return { name: 'review.answer@1', args: { id: review.id, side: 'self', questionId: rating ? 'q-rating' : 'q-self', answer } };
}

type Feature = (r: Rng, d: TestDevice, made: Made[], text: () => string) => Promise<Action | undefined>;
/** Each feature with its weight when no focus is in play. Check-ins go with goals: they need one. */
const FEATURES: readonly { weight: number; run: Feature }[] = [
  { weight: 35, run: winAction },
  { weight: 32, run: (r, d, _m, text) => (r.int(5) < 3 ? goalAction(r, d, text) : checkinAction(r, d, text)) },
  { weight: 11, run: (r, d, _m, text) => noteAction(r, d, text) },
  { weight: 11, run: (r, d, _m, text) => feedbackAction(r, d, text) },
  { weight: 11, run: (r, d, _m, text) => reviewAction(r, d, text) },
];

/** The running sums of the weights: a roll of 0-99 below `FEATURE_ENDS[i]` (and not an earlier one) picks feature i. */
const FEATURE_ENDS = FEATURES.map((_, i) => FEATURES.slice(0, i + 1).reduce((sum, f) => sum + f.weight, 0));

/**
 * A seed's focus: half of its actions go to one feature, so records of that feature pile up and several devices
 * edit the same ones (the interesting case), while the other half still mixes every feature.
 */
export const pickFocus = (r: Rng) => r.int(FEATURES.length);
/** The focus on the self side of a review: such a seed's person is always in the launched cycle. */
export const REVIEW_FOCUS = FEATURES.length - 1;

/** One random action of the person on one device: a local write through `mutate` (S12), recorded when it was queued. */
export async function act(r: Rng, d: TestDevice, made: Made[], focus: number): Promise<void> {
  const text = () => `${r.pick(WORDS)} ${r.pick(WORDS)} ${r.int(1000)}`;
  const roll = r.int(100);
  const feature = r.int(2) === 0 ? FEATURES[focus] : FEATURES[FEATURE_ENDS.findIndex((end) => roll < end)];
  // Refusals of any feature are rare, so a device holding some in its inbox dismisses one now and then (it syncs).
  const inbox = (await d.db.rejections.toArray()).filter((x) => !x.dismissed);
  const dismiss = inbox.length > 0 && r.int(4) === 0;
  const action = dismiss ? { name: 'inbox.dismiss@1' as const, args: { id: r.pick(inbox)?.id } } : await feature?.run(r, d, made, text);
  if (!action) return;
  const res = await mutate(d.db, d.actor, action.name, action.args as never);
  if (!res.ok) return;
  const entry = await d.db.outbox.orderBy('mutationId').last();
  const deviceId = await getMeta(d.db, 'deviceId');
  if (entry) made.push({ deviceId: deviceId ?? '', mutationId: entry.mutationId, name: action.name, args: entry.args });
}
