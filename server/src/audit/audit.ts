import type { Queryable } from '../db/client';

export type AuditAction =
  | 'setup.create'
  | 'person.add'
  | 'person.role'
  | 'person.disable'
  | 'person.enable'
  | 'person.manager'
  | 'person.update'
  | 'people.import'
  | 'password.link'
  | 'password.set'
  | 'password.invite'
  | 'password.reset'
  // goals (issue 5)
  | 'org.achievementThreshold'
  // cycles (HR)
  | 'cycle.create'
  | 'cycle.launch'
  | 'cycle.participant.add'
  | 'cycle.participant.remove'
  | 'cycle.deadline'
  | 'cycle.remind'
  | 'cycle.export'
  | 'review.reopen'
  | 'record.export'
  // --- reviews ---
  | 'review.submit_self'
  | 'review.submit_manager'
  | 'review.sign_off'
  | 'review.acknowledge'
  | 'review.answer_after_reopen'
  // identity (issue 13)
  | 'sso.signin'
  | 'sso.refused'
  | 'person.breakGlass'
  | 'scim.token.create'
  | 'scim.token.revoke'
  | 'scim.user';
// --- end reviews ---

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The only way the server writes the audit log, and it only inserts: the table is append-only (no
 * UPDATE or DELETE anywhere in the code). Call it with the transaction's handle so the audit row
 * commits, or rolls back, with the change it records.
 */
export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query('insert into audit_log (actor_id, action, subject_id, details) values ($1, $2, $3, $4::jsonb)', [
    e.actorId,
    e.action,
    e.subjectId ?? null,
    JSON.stringify(e.details ?? {}),
  ]);
}
