import { DomainTRPCError } from '../errors';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A SCIM error (RFC 7644 §3.12): an HTTP status, an optional scimType, words for a person. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | null,
    detail: string,
  ) {
    super(detail);
  }
}

export function errorBody(e: ScimError) {
  return { schemas: [ERROR_SCHEMA], status: String(e.status), ...(e.scimType ? { scimType: e.scimType } : {}), detail: e.message };
}

/** The people functions refuse with domain errors; SCIM says the same thing in its own shape. */
export function toScimError(e: unknown): ScimError | null {
  if (e instanceof ScimError) return e;
  if (!(e instanceof DomainTRPCError)) return null;
  const { code, message } = e.domain;
  if (code === 'NOT_FOUND') return new ScimError(404, null, message);
  if (code === 'CONFLICT') return new ScimError(409, message.includes('email') ? 'uniqueness' : null, message);
  if (code === 'VALIDATION') return new ScimError(400, 'invalidValue', message);
  return new ScimError(400, null, message);
}
