import { Email } from '@merit/shared/domain/person';
import { LIMITS } from '@merit/shared/limits';
import * as z from 'zod/mini';
import { ScimError } from './scim-errors';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface ScimPersonRow {
  id: string;
  email: string;
  name: string;
  department: string;
  manager_id: string | null;
  disabled: boolean;
  scim_external_id: string | null;
  created_at: Date | string;
}

export const SCIM_SELECT =
  'select p.id, p.email, p.name, p.department, p.manager_id, p.disabled, p.scim_external_id, p.created_at from person p';

/** A person as a SCIM User: userName is the e-mail, active is "not disabled", manager and department in the extension. */
export function toResource(r: ScimPersonRow, base: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    id: r.id,
    ...(r.scim_external_id ? { externalId: r.scim_external_id } : {}),
    userName: r.email,
    name: { formatted: r.name },
    displayName: r.name,
    emails: [{ value: r.email, type: 'work', primary: true }],
    active: !r.disabled,
    [ENTERPRISE]: {
      department: r.department,
      ...(r.manager_id ? { manager: { value: r.manager_id, $ref: `${base}/Users/${r.manager_id}` } } : {}),
    },
    meta: { resourceType: 'User', created: new Date(r.created_at).toISOString(), location: `${base}/Users/${r.id}` },
  };
}

/** What Merit keeps of a User. */
export interface UserFields {
  email: string;
  name: string;
  department: string;
  managerId: string | null;
  active: boolean;
  externalId: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Entra ID has sent booleans as "True"/"False" strings; both spellings mean the same. */
export function scimBool(v: unknown, attr: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new ScimError(400, 'invalidValue', `${attr} must be true or false`);
}

export function email(v: unknown): string {
  const r = z.safeParse(Email, v);
  if (!r.success) throw new ScimError(400, 'invalidValue', 'userName must be an e-mail address (Merit signs people in by e-mail)');
  return r.data;
}

export function text(v: unknown, attr: string, max: number): string {
  if (typeof v !== 'string') throw new ScimError(400, 'invalidValue', `${attr} must be a string`);
  const t = v.trim();
  if (t.length > max) throw new ScimError(400, 'invalidValue', `${attr} must be at most ${max} characters`);
  return t;
}

/** The manager reference: Entra sends the id as a string, Okta and the RFC as `{ value }`. */
export function managerRef(v: unknown): string | null {
  const id = isRecord(v) ? v.value : v;
  if (id === null || id === undefined || id === '') return null;
  if (typeof id !== 'string' || !z.safeParse(z.uuid(), id).success) {
    throw new ScimError(400, 'invalidValue', 'manager.value must be the id of a User in Merit');
  }
  return id;
}

export function nameOf(body: Record<string, unknown>): string | undefined {
  const name = isRecord(body.name) ? body.name : {};
  const composed = [str(name.givenName), str(name.familyName)].filter(Boolean).join(' ');
  return str(body.displayName) ?? str(name.formatted) ?? (composed || undefined);
}

/** A full User (POST, PUT): attributes Merit does not keep (title, phone numbers, addresses...) are accepted and not stored. */
export function parseUser(body: unknown): UserFields {
  if (!isRecord(body)) throw new ScimError(400, 'invalidSyntax', 'The body must be a SCIM User object');
  if (body.userName === undefined) throw new ScimError(400, 'invalidValue', 'userName is required');
  const address = email(body.userName);
  const ext = isRecord(body[ENTERPRISE]) ? body[ENTERPRISE] : {};
  const name = nameOf(body) ?? address;
  return {
    email: address,
    name: text(name, 'displayName', LIMITS.nameMax) || address,
    department: ext.department === undefined ? '' : text(ext.department, 'department', LIMITS.departmentMax),
    managerId: managerRef(ext.manager),
    active: body.active === undefined ? true : scimBool(body.active, 'active'),
    externalId: body.externalId === undefined || body.externalId === null ? null : text(body.externalId, 'externalId', 200),
  };
}
