import { ERROR_CODES } from '@merit/shared/errors';
import { describe, expect, it } from 'vitest';
import { describeError, ERROR_WORDS, errorCode, isQuotaError } from './errors';

const trpcError = (data: unknown) => Object.assign(new Error('x'), { name: 'TRPCClientError', data });

describe('error words', () => {
  it('has distinct words for every error code', () => {
    expect(Object.keys(ERROR_WORDS).sort()).toEqual([...ERROR_CODES].sort());
    const words = Object.values(ERROR_WORDS);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[A-Z].*\.$/);
  });

  it('reads the tRPC and domain codes of a server error', () => {
    const domain = { code: 'VALIDATION', message: 'email must be a valid email', field: 'email' };
    expect(errorCode(trpcError({ code: 'BAD_REQUEST', domain }))).toEqual({ trpc: 'BAD_REQUEST', domain, network: false });
    expect(errorCode(trpcError({ code: 'UNAUTHORIZED' }))).toEqual({ trpc: 'UNAUTHORIZED', network: false });
    expect(errorCode(Object.assign(new Error('x'), { name: 'TRPCClientError', cause: new TypeError('Failed to fetch') }))).toEqual({
      network: true,
    });
    expect(errorCode(new Error('bug'))).toEqual({ network: false });
  });

  it('describes validation with the field, codes with the table, and the rest plainly', () => {
    expect(describeError({ code: 'VALIDATION', message: 'title is required', field: 'title' })).toBe('title is required');
    expect(describeError({ code: 'LOCKED', message: 'internal wording' })).toBe(ERROR_WORDS.LOCKED);
    expect(describeError(trpcError({ code: 'FORBIDDEN', domain: { code: 'FORBIDDEN', message: 'no' } }))).toBe(ERROR_WORDS.FORBIDDEN);
    expect(describeError(trpcError({ code: 'TOO_MANY_REQUESTS' }))).toBe(ERROR_WORDS.RATE_LIMITED);
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/Cannot reach Merit/);
    expect(describeError(new Error('bug'))).toMatch(/Something went wrong/);
  });

  it('recognises a full disk, also when Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(describeError({ name: 'AbortError', inner: quota })).toMatch(/storage space/);
  });
});
