import { describe, expect, it } from 'vitest';
import { parseCsv, previewPeopleCsv } from './people-csv';

const HEAD = 'name,email,department,manager_email,role';

describe('people CSV', () => {
  it('parses quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts a valid file with managers inside the file or already in Merit', () => {
    const csv = `${HEAD}\nAda,ada@x.test,Eng,,employee\nBo,BO@x.test,Eng,ada@x.test,\nCy,cy@x.test,Ops,boss@x.test,hr`;
    const r = previewPeopleCsv(csv, new Set(['boss@x.test']));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((p) => [p.email, p.role, p.managerEmail])).toEqual([
      ['ada@x.test', 'employee', ''],
      ['bo@x.test', 'employee', 'ada@x.test'],
      ['cy@x.test', 'hr', 'boss@x.test'],
    ]);
  });

  it('reports every row error with its line number', () => {
    const csv = `${HEAD}\nAda,not-an-email,Eng,,employee\n,bo@x.test,Eng,,employee\nCy,cy@x.test,Eng,ghost@x.test,employee\nDee,cy@x.test,Eng,,employee\nEd,ed@x.test,Eng,,boss\nFay,taken@x.test,Eng,,employee`;
    const r = previewPeopleCsv(csv, new Set(['taken@x.test']));
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'email must be a valid email'],
      [3, 'name is required'],
      [4, 'The manager ghost@x.test is neither in the file nor in Merit'],
      [5, 'email cy@x.test already appears on line 4'],
      [6, 'role must be one of: employee, hr'],
      [7, 'email taken@x.test already belongs to someone in Merit'],
    ]);
  });

  it('refuses a file without the required header', () => {
    expect(previewPeopleCsv('full name,mail\nA,a@x.test', new Set()).errors[0]?.line).toBe(1);
  });
});
