import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MUTATIONS } from './mutations';
import { unboundedStrings } from './schema-audit';
import { PullInput, PushInput } from './sync/protocol';

describe('S43: every text that crosses the wire has a length limit', () => {
  it('finds unbounded strings where they are', () => {
    const s = z.strictObject({
      a: z.string(),
      b: z.optional(z.array(z.string().check(z.maxLength(3)))),
      c: z.union([z.uuid(), z.strictObject({ d: z.nullable(z.string()) })]),
      e: z.pipe(z.string(), z.email()),
    });
    expect(unboundedStrings(s)).toEqual(['a', 'c.d', 'e']);
  });

  it.each(Object.entries(MUTATIONS))('%s: every string of its args is bounded', (_name, def) => {
    expect(unboundedStrings(def.args)).toEqual([]);
  });

  it('push and pull envelopes are bounded', () => {
    expect(unboundedStrings(PushInput)).toEqual([]);
    expect(unboundedStrings(PullInput)).toEqual([]);
  });
});
