import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import { cycleInput, SECTIONS } from '../cycles/cycles-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let emp: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana' });
  emp = await createPerson(db, { name: 'Emma', managerId: null });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});
const asHr = () => callerAs(db, bus, hr);
const snapshot = () => db.query('select * from review_template order by id');

describe('templates', () => {
  it('creates, lists, gets, updates and duplicates a template', async () => {
    const t = await asHr().templates.create({ name: ' Annual ', sections: SECTIONS });
    expect(t).toMatchObject({ name: 'Annual', description: '', frozen: false, sections: SECTIONS });
    expect((await asHr().templates.list()).map((x) => x.id)).toContain(t.id);
    const u = await asHr().templates.update({ id: t.id, name: 'Annual 2026', description: 'For everyone' });
    expect(u).toMatchObject({ name: 'Annual 2026', description: 'For everyone', sections: SECTIONS });
    const d = await asHr().templates.duplicate({ id: t.id });
    expect(d).toMatchObject({ name: 'Copy of Annual 2026', sections: SECTIONS, frozen: false });
    expect(d.id).not.toBe(t.id);
    expect(await asHr().templates.get({ id: d.id })).toEqual(d);
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const t = await asHr().templates.create({ name: 'Bad input', sections: SECTIONS });
    const before = await snapshot();
    expect(await failure(() => asHr().templates.create({ name: ' ', sections: SECTIONS }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'name',
    });
    expect(await failure(() => asHr().templates.create({ name: 'x', sections: [] }))).toMatchObject({ field: 'sections' });
    const q = SECTIONS[0];
    if (q?.kind !== 'questions') throw new Error('fixture');
    const dup = [{ ...q, questions: [q.questions[0], q.questions[0]] }] as typeof SECTIONS;
    expect(await failure(() => asHr().templates.update({ id: t.id, sections: dup }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'sections.0.questions.1.id',
    });
    const badPrompt = [{ ...q, questions: [{ ...q.questions[0], prompt: '' }] }] as typeof SECTIONS;
    expect(await failure(() => asHr().templates.update({ id: t.id, sections: badPrompt }))).toMatchObject({
      field: 'sections.0.questions.0.prompt',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('freezes a template once a cycle using it launches: update and delete are refused, duplicate works', async () => {
    await createPerson(db, { name: 'Someone', managerId: hr.id });
    const t = await asHr().templates.create({ name: 'To freeze', sections: SECTIONS });
    const c = await asHr().cycles.create(cycleInput(t.id, { selection: { kind: 'list', personIds: [emp.id] } }));
    await asHr().cycles.launch({ cycleId: c.id });
    const before = await snapshot();
    const f = await failure(() => asHr().templates.update({ id: t.id, name: 'Changed' }));
    expect(f).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(f.message).toMatch(/duplicate/i);
    expect((await failure(() => asHr().templates.delete({ id: t.id }))).code).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
    expect((await asHr().templates.get({ id: t.id })).frozen).toBe(true);
    expect((await asHr().templates.duplicate({ id: t.id })).frozen).toBe(false);
  });

  it('deletes an unused template; an unknown id is NOT_FOUND', async () => {
    const t = await asHr().templates.create({ name: 'Temp', sections: SECTIONS });
    expect(await asHr().templates.delete({ id: t.id })).toEqual({ ok: true });
    expect((await failure(() => asHr().templates.get({ id: t.id }))).code).toBe('NOT_FOUND');
  });

  it('is for HR only', async () => {
    const e = callerAs(db, bus, emp);
    expect((await failure(() => e.templates.list())).code).toBe('FORBIDDEN');
    expect((await failure(() => e.templates.create({ name: 'x', sections: SECTIONS }))).code).toBe('FORBIDDEN');
    expect((await failure(() => e.questionBank.list())).code).toBe('FORBIDDEN');
  });
});

describe('question bank', () => {
  it('adds, lists and removes questions; refuses a bad question naming the field', async () => {
    const q = SECTIONS[0]?.kind === 'questions' ? SECTIONS[0].questions[0] : undefined;
    if (!q) throw new Error('fixture');
    const added = await asHr().questionBank.add({ question: q });
    expect(await asHr().questionBank.list()).toEqual([added]);
    expect(await failure(() => asHr().questionBank.add({ question: { ...q, answeredBy: 'everyone' as 'self' } }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'question.answeredBy',
    });
    await asHr().questionBank.remove({ id: added.id });
    expect(await asHr().questionBank.list()).toEqual([]);
    expect((await failure(() => asHr().questionBank.remove({ id: added.id }))).code).toBe('NOT_FOUND');
  });
});
