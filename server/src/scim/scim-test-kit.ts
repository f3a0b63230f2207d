import type { FastifyInstance } from 'fastify';

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface ScimAnswer {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

/** A SCIM client as an identity provider is: a bearer token, `application/scim+json` both ways. */
export function scimClient(app: FastifyInstance, token: string) {
  return async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const r = await app.inject({
      method,
      url: `/scim/v2${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return {
      status: r.statusCode,
      type: String(r.headers['content-type'] ?? ''),
      body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {},
    } satisfies ScimAnswer;
  };
}

/** The body Entra ID sends to create a user (its documented shape, with e-mail user names). */
export const entraCreate = (userName: string, externalId: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: userName }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
  roles: [],
  [ENTERPRISE]: { department: 'Engineering' },
});

/** The body Okta sends to create a user. */
export const oktaCreate = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Linus', familyName: 'Torvalds' },
  emails: [{ primary: true, value: userName, type: 'work' }],
  displayName: 'Linus Torvalds',
  locale: 'en-US',
  externalId: '00ujl29u0le5T6Aj10h7',
  groups: [],
  password: 'ignored-by-merit-1',
  active: true,
});
