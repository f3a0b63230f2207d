import { ScimError } from './scim-errors';

/** Attributes a filter may test, and the SQL column each maps to. Compared case-insensitively (caseExact: false). */
const COLUMNS: Record<string, string> = {
  username: 'p.email',
  'emails.value': 'p.email',
  'emails[type eq "work"].value': 'p.email',
  externalid: 'p.scim_external_id',
  id: 'p.id::text',
};

export interface FilterClause {
  column: string;
  value: string;
}

const CLAUSE = /^\s*([A-Za-z][\w.]*(?:\[type eq "work"\]\.value)?)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

/**
 * The filter subset identity providers send before creating or linking a user (RFC 7644 §3.4.2.2):
 * `attr eq "value"`, optionally joined by `and`. Anything else is refused as invalidFilter rather than
 * half-understood, so a provider never acts on a wrong "not found".
 */
export function parseFilter(filter: string): FilterClause[] {
  if (filter.length > 500) throw new ScimError(400, 'invalidFilter', 'The filter is too long');
  const parts = filter.split(/\s+and\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/i);
  return parts.map((part) => {
    const m = CLAUSE.exec(part);
    const attr = m?.[1]?.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase();
    const column = attr === undefined ? undefined : COLUMNS[attr];
    if (!m || column === undefined) {
      throw new ScimError(
        400,
        'invalidFilter',
        `Merit understands only 'userName eq "..."', 'externalId eq "..."' and 'id eq "..."' (joined by and)`,
      );
    }
    return { column, value: (m[2] ?? '').replace(/\\(.)/g, '$1') };
  });
}
