import { describe, expect, it } from 'vitest';
import { PushStalledError } from './push';
import { backoffDelay, classifyFailure } from './status';

const trpcError = (code: string) => Object.assign(new Error(code), { name: 'TRPCClientError', data: { code } });

describe('sync failures (docs/SYNC.md S10, S11, S14)', () => {
  it('S14/S11: signed out and outdated halt; the rest is retried', () => {
    expect(classifyFailure(trpcError('UNAUTHORIZED'), true)).toMatchObject({ phase: 'signed-out', halt: true });
    expect(classifyFailure(trpcError('PRECONDITION_FAILED'), true)).toMatchObject({ phase: 'update-required', halt: true });
    expect(classifyFailure(new TypeError('Failed to fetch'), false)).toMatchObject({ phase: 'offline', halt: false });
    expect(classifyFailure(new TypeError('Failed to fetch'), true)).toMatchObject({ phase: 'error', halt: false });
    expect(classifyFailure(new PushStalledError(7), true)).toMatchObject({
      phase: 'error',
      error: expect.stringMatching(/after change 7/),
    });
  });

  it('a full disk is an error that says so, never swallowed', () => {
    const f = classifyFailure(new DOMException('full', 'QuotaExceededError'), true);
    expect(f).toMatchObject({ phase: 'error', halt: false, error: expect.stringMatching(/storage space/) });
  });

  it('S10: backoff doubles from 1 s to 60 s with jitter of up to half', () => {
    expect([1, 2, 3, 7, 20].map((n) => backoffDelay(n, () => 1))).toEqual([1000, 2000, 4000, 60_000, 60_000]);
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(8, () => 0)).toBe(30_000);
  });
});
