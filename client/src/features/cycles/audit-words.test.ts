import { describe, expect, it } from 'vitest';
import { actionWords, detailText } from './audit-words';

const names = new Map([
  ['m1', 'Maya Lind'],
  ['m2', 'Rita Gomez'],
]);
const nameOf = (id: string) => names.get(id);

describe('audit words', () => {
  it('never shows an action key', () => {
    for (const a of ['password.set', 'people.import', 'person.update', 'password.invite', 'something.new'])
      expect(actionWords(a)).not.toMatch(/\w\.\w/);
    expect(actionWords('password.set')).toBe('Set a password');
  });

  it('says moved deadlines from and to, manager changes by name, and edited fields before and after', () => {
    expect(detailText('cycle.deadline', { selfDeadline: '2026-03-10', from: { selfDeadline: '2026-03-01' } }, nameOf)).toEqual([
      expect.stringMatching(/^Self-review deadline: .*1.* → .*10/),
    ]);
    expect(detailText('person.manager', { from: 'm1', to: 'm2' }, nameOf)).toEqual(['Manager: Maya Lind → Rita Gomez']);
    expect(detailText('person.role', { from: 'employee', to: 'hr' }, nameOf)).toEqual(['Role: Employee → HR admin']);
    expect(detailText('person.update', { changes: { email: { from: 'a@x.test', to: 'b@x.test' } } }, nameOf)).toEqual([
      'E-mail: a@x.test → b@x.test',
    ]);
    expect(detailText('people.import', { count: 10 }, nameOf)).toEqual(['10 people']);
    expect(detailText('review.reopen', { reason: 'Typo', from: 'signed_off' }, nameOf)).toEqual(['Reason: Typo', 'Was: Signed off']);
  });
});
