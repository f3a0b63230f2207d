import { ENTERPRISE, USER_SCHEMA } from './scim-user';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export const list = (resources: unknown[], total = resources.length, startIndex = 1) => ({
  schemas: [LIST],
  totalResults: total,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

/** What Merit's SCIM supports (RFC 7643 §5): PATCH and filter yes; bulk, sort, etag and password changes no. */
export const serviceProviderConfig = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: 'https://github.com/merit/merit/blob/main/docs/API.md#scim-20-provisioning',
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Bearer token',
      description: 'A token HR creates in Merit (HR, Sign-in & provisioning)',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
});

export const resourceTypes = (base: string) => [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    schema: USER_SCHEMA,
    schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
  },
];

const attr = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export const schemas = (base: string) => [
  {
    id: USER_SCHEMA,
    name: 'User',
    description: 'A person in Merit. userName is their e-mail address.',
    attributes: [
      attr('userName', 'string', { required: true, uniqueness: 'server' }),
      attr('displayName', 'string'),
      attr('name', 'complex', { subAttributes: [attr('formatted', 'string'), attr('givenName', 'string'), attr('familyName', 'string')] }),
      attr('emails', 'complex', {
        multiValued: true,
        subAttributes: [attr('value', 'string'), attr('type', 'string'), attr('primary', 'boolean')],
      }),
      attr('active', 'boolean'),
      attr('externalId', 'string', { caseExact: true }),
    ],
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${USER_SCHEMA}` },
  },
  {
    id: ENTERPRISE,
    name: 'EnterpriseUser',
    description: 'Department and manager: the manager decides who sees a person’s shared work.',
    attributes: [
      attr('department', 'string'),
      attr('manager', 'complex', { subAttributes: [attr('value', 'string', { caseExact: true }), attr('$ref', 'reference')] }),
    ],
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${ENTERPRISE}` },
  },
];
