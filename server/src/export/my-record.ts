import type { MyRecord } from '@merit/shared/domain/my-record';
import type { Actor } from '@merit/shared/domain/person';
import { TABLES } from '@merit/shared/mutations';
import { audit } from '../audit/audit';
import type { Db } from '../db/client';
import { domainError } from '../errors';
import { readableSpaces, visibleRow } from '../sync/spaces';
import { ownRows } from '../sync/tables';

/**
 * The caller's own record, authoritative: every live row of THEIR OWN space, in every synced table (so
 * tables added later are included without touching this). Only the caller's space is read, never a report's;
 * each row still passes `visibleRow`, the same filter as the caller's pull, so the export never shows the
 * caller more than their own devices may hold (a manager note about someone no longer their report, say).
 */
export async function myRecord(db: Db, actor: Actor): Promise<MyRecord> {
  const people = await db.query<{ name: string; email: string }>('select name, email from person where id = $1', [actor.personId]);
  const person = people[0];
  if (!person) throw domainError('NOT_FOUND', 'Your account no longer exists');
  const readable = await readableSpaces(db, actor.personId);
  const tables: MyRecord['tables'] = {};
  for (const t of TABLES) {
    const rows = await ownRows(db, t, actor.personId);
    tables[t] = rows.flatMap((r) => {
      const v = visibleRow(t, r, actor.personId, readable);
      return v ? [v] : [];
    });
  }
  // An export is an audited event (DESIGN.md section 6); only counts are kept, never the content.
  await audit(db, {
    actorId: actor.personId,
    action: 'record.export',
    subjectId: actor.personId,
    details: Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length])),
  });
  return { source: 'server', generatedAt: Date.now(), person: { id: actor.personId, ...person }, tables };
}
