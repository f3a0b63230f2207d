import { describe, expect, it } from 'vitest';
import { startBanner } from './banner';
import { readEnv } from './env';

describe('npm start output', () => {
  it('ends with a plain block: the address, the database, and for the demo how to sign in', () => {
    const env = readEnv({ PORT: '8080', DATA_DIR: '/tmp/merit' }, ['node', 'main.js', '--demo']);
    const out = startBanner(env, 'pglite', ['Sign in with password demo as:', '  HR admin:  hr@northwind.example']);
    expect(out).toContain('Merit is running at http://127.0.0.1:8080');
    expect(out).toContain('PGlite in /tmp/merit');
    expect(out).toContain('Listening on 127.0.0.1 only.');
    expect(out).toContain('  HR admin:  hr@northwind.example');
    expect(out.split('\n').some((l) => l.startsWith('{'))).toBe(false);
  });

  it('the demo listens on 127.0.0.1 unless HOST is set; without the demo, on every interface', () => {
    expect(readEnv({ MERIT_DEMO: '1' }, []).host).toBe('127.0.0.1');
    expect(readEnv({ MERIT_DEMO: '1', HOST: '0.0.0.0' }, []).host).toBe('0.0.0.0');
    expect(readEnv({}, []).host).toBe('0.0.0.0');
    expect(startBanner(readEnv({}, []), 'pg', [])).toMatch(/at http:\/\/localhost:8080[\s\S]*every network interface/);
  });
});
