import { conflictCopyMessage } from '@merit/shared/domain/long-text';
import type { Rejection } from '@merit/shared/domain/rejection';
import { RID, review } from '@merit/shared/domain/review.fixtures';
import { uuidv7 } from '@merit/shared/ids';
import { MUTATIONS, type MutationName, type SyncTables, type TableName } from '@merit/shared/mutations';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import InboxScreen from './inbox-screen';
import { conflictCopy, shownText, WHAT, whyText } from './rejection-text';

// S16, S19, S50 (issue 10 item 7): a conflict copy of EVERY declared long text gets its own words and a
// "Use my version" that works, read from the registry's `longText` declaration.

const KEPT = 'The words the other device saved';
const MINE = 'The words I typed on this phone';
const me = review('self_in_progress').ownerId;
const boss = review('self_in_progress').managerId ?? '';

interface Case {
  person: string;
  /** The row as the device holds it, from the create rule (or the review fixture). */
  row(): { table: TableName; row: SyncTables[TableName] };
  /** The edit that clashed. */
  args(id: string): Record<string, unknown>;
  /** Words the card shows for this kind of text. */
  why: RegExp;
}

const created = (name: MutationName, args: Record<string, unknown>, personId: string) => {
  const d = MUTATIONS[name];
  const r = d.apply(undefined as never, args as never, { actor: { personId, role: 'employee' }, now: 1 });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return { table: d.table, row: r.value };
};
const patch = (field: string) => (id: string) => ({ id, patch: { [field]: MINE, title: 'x' }, base: { [field]: 'Older' } });

const CASES: Partial<Record<MutationName, Case>> = {
  'review.answer@1': {
    person: me,
    row: () => ({ table: 'reviews', row: review('self_in_progress', { selfAnswers: { 'q-self': { text: KEPT } } }) }),
    args: () => ({ id: RID, side: 'self', questionId: 'q-self', answer: { text: MINE }, base: { text: 'Older' } }),
    why: /changed the answer at the same time/,
  },
  'win.update@1': {
    person: me,
    row: () =>
      created('win.create@1', { id: uuidv7(), title: 'Billing', date: '2026-11-02', visibility: 'private', description: KEPT }, me),
    args: patch('description'),
    why: /changed the description at the same time/,
  },
  'goal.update@1': {
    person: me,
    row: () =>
      created(
        'goal.create@1',
        {
          id: uuidv7(),
          title: 'Billing',
          description: KEPT,
          periodStart: '2026-10-01',
          dueDate: '2026-12-31',
          visibility: 'private',
          keyResults: [{ id: 'k1', title: 'Customers', kind: 'number', start: 0, target: 10, unit: '', weight: 1, current: null }],
        },
        me,
      ),
    args: patch('description'),
    why: /changed the description at the same time/,
  },
  'note.update@1': {
    person: me,
    row: () => created('note.create@1', { id: uuidv7(), body: KEPT, date: '2026-11-02' }, me),
    args: patch('body'),
    why: /changed the note at the same time/,
  },
  'feedback.update@1': {
    person: me,
    row: () => created('feedback.create@1', { id: uuidv7(), fromName: 'Sam', body: KEPT, date: '2026-11-02' }, me),
    args: (id) => ({ id, patch: { body: MINE, fromName: 'Sam L.' }, base: { body: 'Older' } }),
    why: /changed the feedback at the same time/,
  },
  'managerNote.update@1': {
    person: boss,
    row: () => created('managerNote.create@1', { id: uuidv7(), subjectId: me, body: KEPT, date: '2026-11-02' }, boss),
    args: (id) => ({ id, patch: { body: MINE }, base: { body: 'Older' } }),
    why: /changed the note at the same time/,
  },
};

const declared = (Object.keys(MUTATIONS) as MutationName[]).filter((n) => MUTATIONS[n].longText !== undefined);

describe('conflict copies in the inbox (S16, S19, S50)', () => {
  it('every mutation has words, and every declared long text has a case here', () => {
    for (const name of Object.keys(MUTATIONS)) expect(WHAT[name.split('@')[0] as keyof typeof WHAT], name).toBeTruthy();
    expect(Object.keys(CASES).sort()).toEqual([...declared].sort());
  });

  it.each(declared)('%s: specific words, only my text, and "Use my version" replaces the kept text', async (name) => {
    const c = CASES[name];
    if (!c) throw new Error(`no case for ${name}`);
    const actor = makeActor({ personId: c.person });
    const db = makeDeviceDb(actor.personId);
    const { table, row } = c.row();
    await db.syncTable(table).put(row);
    const args = c.args(row.id);
    const filed: Rejection = {
      id: uuidv7(),
      ownerId: actor.personId,
      deviceId: uuidv7(),
      mutationId: 3,
      name,
      args,
      code: 'CONFLICT',
      message: conflictCopyMessage(MUTATIONS[name].longText?.label ?? ''),
      createdAt: Date.now(),
      dismissed: false,
      version: 1,
      deleted: false,
    };
    await db.rejections.put(filed);
    const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <InboxScreen />
      </DbProvider>,
    );
    expect(await screen.findByText(c.why)).toBeTruthy();
    expect(screen.getByText(MINE)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Use my version' }));
    expect(await screen.findByText('Nothing needs your attention')).toBeTruthy();
    const lt = MUTATIONS[name].longText;
    const now = await db.syncTable(table).get(row.id);
    expect(now && lt ? (lt as { stored(r: unknown, a: unknown): string }).stored(now, args) : null).toBe(MINE);
    const sent = await db.outbox.orderBy('mutationId').toArray();
    expect(sent.map((e) => e.name)).toEqual([name, 'inbox.dismiss@1']);
    // Only the clashing text, edited from the text kept now: nothing else of that edit is sent twice.
    expect(JSON.stringify(sent[0]?.args)).toContain(KEPT);
    expect(JSON.stringify(sent[0]?.args)).not.toContain('Older');
  });

  it('a refusal that carries CONFLICT (the self-review was already submitted) keeps its own words and all the text', () => {
    const r = {
      name: 'review.answer@1',
      code: 'CONFLICT' as const,
      message: 'You submitted your self-review on 2026-11-20; your text is kept in your inbox',
      args: { id: RID, side: 'self', questionId: 'q-self', answer: { text: MINE }, base: { text: 'Older' } },
    };
    expect(conflictCopy(r)).toBeNull();
    expect(whyText(r)).toBe(r.message);
    expect(shownText(r)).toEqual([{ label: 'Text', text: MINE }]);
  });
});
