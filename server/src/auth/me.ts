import type { Role } from '@merit/shared/domain/person';
import { DEFAULT_ACHIEVEMENT_THRESHOLD } from '@merit/shared/domain/progress';
import type { Queryable } from '../db/client';

/** The signed-in person as the client sees them (docs/API.md). */
export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  department: string;
  managerId: string | null;
  isManager: boolean;
  orgName: string;
  /** The achievement threshold HR set (0-1), kept on the device for the offline dashboard. */
  achievementThreshold: number;
  /** Direct reports' names, so a manager's device can name the people it reviews offline (absent in an older cached Me). */
  reports?: { id: string; name: string }[];
}

interface MeRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  department: string;
  manager_id: string | null;
  org_name: string;
  threshold: number | null;
}

export async function loadMe(q: Queryable, personId: string): Promise<Me | null> {
  const rows = await q.query<MeRow>(
    `select p.id, p.name, p.email, p.role, p.department, p.manager_id, coalesce(o.name, '') as org_name,
            (o.settings->>'achievementThreshold')::float8 as threshold
     from person p left join org o on o.id = 1 where p.id = $1 and not p.disabled`,
    [personId],
  );
  const r = rows[0];
  if (!r) return null;
  const reports = await q.query<{ id: string; name: string }>(
    'select id, name from person where manager_id = $1 and not disabled order by name, id',
    [personId],
  );
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    department: r.department,
    managerId: r.manager_id,
    // The reports list read just above says it: no second look at the same rows.
    isManager: reports.length > 0,
    orgName: r.org_name,
    achievementThreshold: r.threshold ?? DEFAULT_ACHIEVEMENT_THRESHOLD,
    reports,
  };
}
