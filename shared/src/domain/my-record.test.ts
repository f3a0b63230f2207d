import { describe, expect, it } from 'vitest';
import { type MyRecord, recordFiles, toCsv } from './my-record';

describe('toCsv', () => {
  it.each([
    ['no rows', [], ''],
    ['plain values', [{ a: 'x', b: 1, c: true }], 'a,b,c\r\nx,1,true\r\n'],
    ['quotes, commas and new lines are quoted', [{ t: 'say "hi", then\nleave' }], 't\r\n"say ""hi"", then\nleave"\r\n'],
    ['lists and objects as JSON, null as empty', [{ tags: ['a', 'b'], n: null }], 'tags,n\r\n"[""a"",""b""]",\r\n'],
    ['columns are the union, in first-seen order', [{ a: 1 }, { b: 2, a: 3 }], 'a,b\r\n1,\r\n3,2\r\n'],
    [
      'a formula-looking text is defused, a negative number is not',
      [{ t: '=HYPERLINK("x")', n: -3 }],
      't,n\r\n"\'=HYPERLINK(""x"")",-3\r\n',
    ],
  ])('%s', (_, rows, csv) => {
    expect(toCsv(rows)).toBe(csv);
  });
});

describe('recordFiles', () => {
  const record: MyRecord = {
    source: 'device',
    generatedAt: Date.UTC(2026, 10, 23, 12),
    person: { id: 'p1', name: 'Eli Park', email: 'eli@acme.test' },
    tables: { notes: [{ id: 'n1', body: 'mine' }] },
  };

  it('names person.json, then a JSON and a CSV per table, an empty table included', () => {
    const files = recordFiles(record, ['wins', 'notes']);
    expect(files.map((f) => f.name)).toEqual(['person.json', 'wins.json', 'wins.csv', 'notes.json', 'notes.csv']);
    expect(JSON.parse(files[1]?.text ?? '')).toEqual([]);
    expect(JSON.parse(files[3]?.text ?? '')).toEqual([{ id: 'n1', body: 'mine' }]);
    expect(files[4]?.text).toBe('id,body\r\nn1,mine\r\n');
    expect(JSON.parse(files[0]?.text ?? '')).toEqual({ ...record.person, source: 'device', generatedAt: '2026-11-23T12:00:00.000Z' });
  });
});
