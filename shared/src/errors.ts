import type * as z from 'zod/mini';
import { checkText } from './text-rule';

/**
 * Every error a rule or procedure can answer with. The server maps a code to a tRPC error in one place
 * (server/src/trpc.ts); the client maps a code to words in one table (client/src/lib/errors.ts).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DELETED',
  'LOCKED',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'UNKNOWN_MUTATION',
  'UPDATE_REQUIRED',
  /** The server failed while processing one mutation (not a rule's refusal); stored as failed, the batch went on (S40). */
  'FAILED',
  /** The device set a mutation aside after the server kept failing on it, so the queue behind it could move (S41). */
  'NOT_SENT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** The input field at fault, as a dotted path, when there is one. */
  field?: string;
}

/**
 * A long-text edit that could not be merged (S16): the stored text stays, and the person's version goes to
 * their inbox as a conflict copy, so nothing they typed is lost.
 */
export interface ConflictCopy {
  field: string;
  text: string;
}

export type RuleResult<T> = { ok: true; value: T; conflict?: ConflictCopy } | { ok: false; error: DomainError };

export const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): RuleResult<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'is required' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `allows at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'has an invalid format' : `must be a valid ${issue.format}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}

/** One readable sentence per issue, naming the field: "title is required". */
export function formatIssues(issues: readonly Issue[]): DomainError {
  const first = issues[0];
  if (!first) return { code: 'VALIDATION', message: 'Invalid input' };
  const field = first.path.map(String).join('.');
  const custom = first.message && first.message !== 'Invalid input' && first.code !== 'unrecognized_keys';
  const text = custom ? first.message : describe(first);
  const message = issues
    .map((i) => {
      const f = i.path.map(String).join('.');
      const m = i === first ? text : describe(i);
      return f ? `${f} ${m}` : `Input ${m}`;
    })
    .join('; ');
  return field ? { code: 'VALIDATION', message, field } : { code: 'VALIDATION', message };
}

/**
 * Parse or fail with a field-naming error: the one way shared schemas are applied to untrusted input. The text
 * rule (NUL, lone surrogates, nesting depth; text-rule.ts) is checked first, on the raw input, so no schema
 * recurses into a hostile body; `opaque` names subtrees that are checked on their own later.
 */
export function parse<T>(schema: z.ZodMiniType<T>, input: unknown, opaque?: readonly (readonly string[])[]): RuleResult<T> {
  const bad = checkText(input, opaque);
  if (bad) return { ok: false, error: bad };
  const r = schema.safeParse(input);
  return r.success ? ok(r.data) : { ok: false, error: formatIssues(r.error.issues) };
}
