import { type CsvPreview, type CsvRowError, previewPeopleCsv } from '@merit/shared/domain/people-csv';
import type { NewPersonInput, Person } from '@merit/shared/domain/person';
import { randomToken, uuidv7 } from '@merit/shared/ids';
import { audit } from '../audit/audit';
import { PASSWORD_TOKEN_DAYS } from '../auth/password-token';
import { sha256 } from '../auth/sessions';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { lockPeople, peopleByIds } from './people-repo';

/**
 * Rows whose managers, followed through the file, come back to them. Everyone in a file is new, so a
 * loop can only run through the file's own rows. Line numbers are exact only when every row parsed,
 * which is the only time this runs (see previewImport).
 */
function loopErrors(rows: readonly NewPersonInput[]): CsvRowError[] {
  const managerOf = new Map(rows.map((r) => [r.email, r.managerEmail || null]));
  const errors: CsvRowError[] = [];
  rows.forEach((r, i) => {
    const seen = new Set<string>();
    let at: string | null | undefined = r.managerEmail || null;
    while (at && !seen.has(at)) {
      if (at === r.email) {
        errors.push({ line: i + 2, message: `The manager ${r.managerEmail} would make a reporting loop back to ${r.email}` });
        return;
      }
      seen.add(at);
      at = managerOf.get(at);
    }
  });
  return errors;
}

async function knownEmails(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; email: string }>('select id, email from person');
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The shared preview plus the checks only the server can make (existing e-mails, loops). Writes nothing. */
export async function previewImport(q: Queryable, csv: string): Promise<CsvPreview> {
  const known = await knownEmails(q);
  const preview = previewPeopleCsv(csv, new Set(known.keys()));
  if (preview.errors.length === 0) preview.errors.push(...loopErrors(preview.rows));
  return preview;
}

export interface Created {
  person: Person;
  token: string;
}

/**
 * All rows or none, in the caller's transaction: people are inserted without managers first, then a
 * second statement sets every manager, so a manager may appear anywhere in the file.
 */
export async function commitImport(q: Queryable, actorId: string, csv: string): Promise<Created[]> {
  await lockPeople(q);
  const preview = await previewImport(q, csv);
  if (preview.errors.length > 0) {
    const first = preview.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    const more = preview.errors.length > 5 ? ` (and ${preview.errors.length - 5} more)` : '';
    throw domainError('VALIDATION', `Nothing was imported. ${first.join('; ')}${more}`, 'csv');
  }
  if (preview.rows.length === 0) throw domainError('VALIDATION', 'The file has no people in it', 'csv');
  const ids = new Map((await knownEmails(q)).entries());
  const rows = preview.rows.map((r) => ({ ...r, id: uuidv7() }));
  for (const r of rows) ids.set(r.email, r.id);
  await q.query(
    `insert into person (id, email, name, department, role)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [rows.map((r) => r.id), rows.map((r) => r.email), rows.map((r) => r.name), rows.map((r) => r.department), rows.map((r) => r.role)],
  );
  const managed = rows.filter((r) => r.managerEmail);
  if (managed.length > 0) {
    await q.query(
      'update person p set manager_id = m.manager_id from unnest($1::uuid[], $2::uuid[]) as m(id, manager_id) where p.id = m.id',
      [managed.map((r) => r.id), managed.map((r) => ids.get(r.managerEmail ?? '') ?? null)],
    );
  }
  const tokens = new Map(rows.map((r) => [r.id, randomToken()]));
  await q.query(
    `insert into password_token (token_hash, person_id, expires_at)
     select h, p, now() + make_interval(days => $3) from unnest($1::text[], $2::uuid[]) as t(h, p)`,
    [[...tokens.values()].map(sha256), [...tokens.keys()], PASSWORD_TOKEN_DAYS],
  );
  await audit(q, { actorId, action: 'people.import', details: { count: rows.length } });
  const people = await peopleByIds(
    q,
    rows.map((r) => r.id),
  );
  return people.map((person) => ({ person, token: tokens.get(person.id) ?? '' }));
}
