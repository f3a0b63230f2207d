import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of docs/ARCHITECTURE.md, checked against the real `biome.json`: every fixture below is
 * linted in a scratch copy of the repository layout, and each forbidden import must be reported with its rule's
 * message; the allowed ones must pass. Biome keeps only the last override's options per rule, so a rule that an
 * overlapping override shadows shows up here as a missing diagnostic.
 */
const ROOT = join(__dirname, '../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const MSG = {
  feature: 'Features never import each other: compose them in client/src/app/.',
  dexie: 'Only client/src/db/ imports dexie: read through its hooks, write through mutate().',
  trpc: 'Only client/src/lib/trpc.ts imports @trpc/client.',
  sharedWorkspace: 'shared/ is used by both sides: it imports nothing of the workspace.',
  sharedDeps: 'shared/ depends on zod alone, so it runs unchanged in the browser and on the server.',
};

interface Fixture {
  path: string;
  source: string;
  /** The messages the lint must report, one per forbidden import; empty: the file must pass. */
  expect: string[];
}

const FIXTURES: Fixture[] = [
  {
    path: 'client/src/features/reviews/uses-auth.ts',
    source: "import type { Me } from '@/features/auth/me';\nexport const me = (m: Me) => m;\n",
    expect: [MSG.feature],
  },
  {
    path: 'client/src/features/wins/relative-reach.ts',
    source: "import { goals } from '../goals/goal-list';\nexport const g = goals;\n",
    expect: [MSG.feature],
  },
  {
    path: 'client/src/features/wins/reads-dexie.ts',
    source: "import Dexie from 'dexie';\nexport const d = Dexie;\n",
    expect: [MSG.dexie],
  },
  {
    path: 'client/src/features/goals/calls-trpc.ts',
    source: "import { createTRPCClient } from '@trpc/client';\nexport const c = createTRPCClient;\n",
    expect: [MSG.trpc],
  },
  {
    path: 'client/src/app/reads-dexie.ts',
    source: "import { liveQuery } from 'dexie';\nimport { httpLink } from '@trpc/client';\nexport const x = [liveQuery, httpLink];\n",
    expect: [MSG.dexie, MSG.trpc],
  },
  {
    path: 'client/src/sync/reads-dexie.ts',
    source: "import Dexie from 'dexie';\nexport const d = Dexie;\n",
    expect: [MSG.dexie],
  },
  {
    path: 'client/src/db/calls-trpc.ts',
    source: "import Dexie from 'dexie';\nimport { createTRPCClient } from '@trpc/client';\nexport const x = [Dexie, createTRPCClient];\n",
    expect: [MSG.trpc],
  },
  {
    path: 'client/src/lib/trpc.ts',
    source: "import { createTRPCClient } from '@trpc/client';\nimport Dexie from 'dexie';\nexport const x = [createTRPCClient, Dexie];\n",
    expect: [MSG.dexie],
  },
  {
    path: 'shared/src/domain/reaches-out.ts',
    source: "import { readFileSync } from 'node:fs';\nimport { db } from '@merit/server/db';\nexport const x = [readFileSync, db];\n",
    expect: [MSG.sharedDeps, MSG.sharedWorkspace],
  },
  // Allowed: a feature's own files, the shared lib, and the one place each package belongs.
  {
    path: 'client/src/features/reviews/allowed.ts',
    source:
      "import type { Me } from '@/lib/me';\nimport { useLiveQuery } from '@/db/hooks';\nimport { x } from './x';\nexport const a = [useLiveQuery, x, (m: Me) => m];\n",
    expect: [],
  },
  {
    path: 'client/src/app/composes.ts',
    source: "import { WinsScreen } from '@/features/wins/wins-screen';\nexport const s = WinsScreen;\n",
    expect: [],
  },
  { path: 'client/src/db/own-dexie.ts', source: "import Dexie from 'dexie';\nexport const d = Dexie;\n", expect: [] },
];

interface Diagnostic {
  location?: { path?: string };
  message?: string;
  category?: string;
}

let dir = '';
let diagnostics: { file: string; category: string; text: string }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'merit-lint-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
  // The scratch copy has no git and no installed schema; everything else is the real configuration.
  delete config.$schema;
  config.vcs = { enabled: false };
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const f of FIXTURES) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.source);
  }
  const out = spawnSync(BIOME, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(out.stdout) as { diagnostics: Diagnostic[] };
  diagnostics = report.diagnostics.map((d) => ({ file: d.location?.path ?? '', category: d.category ?? '', text: d.message ?? '' }));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('import boundaries (biome.json, docs/ARCHITECTURE.md)', () => {
  for (const f of FIXTURES) {
    it(`${f.path}: ${f.expect.length === 0 ? 'allowed' : `refused (${f.expect.length})`}`, () => {
      const mine = diagnostics.filter((d) => d.file.endsWith(f.path) && d.category === 'lint/style/noRestrictedImports');
      expect(mine.map((d) => d.text).sort()).toEqual([...f.expect].sort());
    });
  }

  it('the repository itself keeps the boundaries (no noRestrictedImports anywhere)', () => {
    const out = spawnSync(
      BIOME,
      ['lint', '--reporter=json', '--max-diagnostics=none', '--only=style/noRestrictedImports', 'client', 'shared'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(out.stdout) as { diagnostics: Diagnostic[] };
    expect(report.diagnostics.map((d) => JSON.stringify(d.location))).toEqual([]);
  });
});
