import { LIMITS } from '@merit/shared/limits';
import { ScimError } from './scim-errors';
import { ENTERPRISE, email, managerRef, nameOf, scimBool, text, type UserFields } from './scim-user';

export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Standard User attributes Merit does not keep: a provider may send them, and they change nothing. */
const IGNORED = new Set([
  'name.givenname',
  'name.familyname',
  'name.middlename',
  'name.honorificprefix',
  'name.honorificsuffix',
  'nickname',
  'title',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'profileurl',
  'phonenumbers',
  'addresses',
  'photos',
  'ims',
  'roles',
  'entitlements',
  'x509certificates',
  // Okta sends these; Merit keeps no password for provisioned people (they sign in through the provider) and no groups.
  'password',
  'groups',
  `${ENTERPRISE.toLowerCase()}:employeenumber`,
  `${ENTERPRISE.toLowerCase()}:costcenter`,
  `${ENTERPRISE.toLowerCase()}:organization`,
  `${ENTERPRISE.toLowerCase()}:division`,
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One attribute set or removed, by its (lower-cased) path. */
function apply(out: Partial<UserFields>, path: string, value: unknown, remove: boolean): void {
  const p = path.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/, '');
  if (p === 'active') out.active = scimBool(value, 'active');
  else if (p === 'displayname' || p === 'name.formatted') out.name = text(value, 'displayName', LIMITS.nameMax);
  else if (p === 'name' && isRecord(value)) {
    const n = nameOf({ name: value });
    if (n) out.name = text(n, 'name', LIMITS.nameMax);
  } else if (p === 'username' || p === 'emails[type eq "work"].value' || p === 'emails[primary eq true].value') out.email = email(value);
  else if (p === 'emails' && Array.isArray(value)) {
    const first = value.find((e) => isRecord(e) && e.primary === true) ?? value[0];
    if (isRecord(first)) out.email = email(first.value);
  } else if (p === 'externalid') out.externalId = remove ? null : text(value, 'externalId', 200);
  else if (p === `${ENTERPRISE.toLowerCase()}:department` || p === 'department')
    out.department = remove ? '' : text(value, 'department', LIMITS.departmentMax);
  else if (p === `${ENTERPRISE.toLowerCase()}:manager` || p === `${ENTERPRISE.toLowerCase()}:manager.value` || p === 'manager')
    out.managerId = remove ? null : managerRef(value);
  else if (p === ENTERPRISE.toLowerCase() && isRecord(value)) {
    for (const [k, v] of Object.entries(value)) apply(out, `${ENTERPRISE}:${k}`, v, remove);
  } else if (!IGNORED.has(p) && !IGNORED.has(p.split('[')[0] ?? p) && !IGNORED.has(p.split('.')[0] ?? p)) {
    throw new ScimError(400, 'invalidPath', `Merit does not know the attribute "${path}"`);
  }
}

/**
 * A PatchOp (RFC 7644 §3.5.2) as the changes Merit keeps. Handles both providers' shapes: Entra's
 * `{ op: "Replace", path: "active", value: "False" }` and `{ op: "Add", path: "<enterprise>:manager",
 * value: "<id>" }`, and Okta's path-less `{ op: "replace", value: { active: false } }`.
 */
export function parsePatch(body: unknown): Partial<UserFields> {
  if (!isRecord(body) || !Array.isArray(body.schemas) || !body.schemas.includes(PATCH_SCHEMA)) {
    throw new ScimError(400, 'invalidSyntax', `A PATCH body must be a PatchOp (schemas: ["${PATCH_SCHEMA}"])`);
  }
  const ops = body.Operations ?? body.operations;
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > 100)
    throw new ScimError(400, 'invalidSyntax', 'Operations must list 1 to 100 operations');
  const out: Partial<UserFields> = {};
  for (const raw of ops) {
    if (!isRecord(raw)) throw new ScimError(400, 'invalidSyntax', 'Each operation must be an object');
    const op = String(raw.op ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, 'invalidSyntax', `Unknown op "${String(raw.op)}"`);
    const path = typeof raw.path === 'string' ? raw.path : null;
    if (op === 'remove') {
      if (!path) throw new ScimError(400, 'noTarget', 'A remove operation needs a path');
      apply(out, path, undefined, true);
    } else if (path) {
      apply(out, path, raw.value, false);
    } else {
      if (!isRecord(raw.value)) throw new ScimError(400, 'invalidValue', 'An operation without a path needs an object value');
      for (const [k, v] of Object.entries(raw.value)) apply(out, k, v, false);
    }
  }
  return out;
}
