import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '@/db/meta';
import { draftCycle } from '../../server/src/cycles/cycles-kit';
import type { Db } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { openPglite } from '../../server/src/db/pglite';
import { callerAs, createPerson, type TestPerson } from '../../server/src/test/context';
import { act, pickFocus, REVIEW_FOCUS, rng } from './actions';
import { type Fault, TestDevice, TestServer } from './devices';
import { FUZZ_TABLES, type Made, replayApplied, serverRows, userFields } from './model';

/**
 * Seeded randomized sync test (issue 4): 3 to 5 device engines of one person against the real server
 * code on PGlite, through transports that drop requests, drop responses after commit, deliver twice, and
 * deliver late; devices and the server restart in between. The person logs and edits wins, goals (key results
 * with their base, S21), check-ins, private notes, feedback and the self side of a review. After quiescence:
 * every device equals the server in every one of those tables (S13, S14), a replay of the accepted mutations
 * equals the server (no loss, nothing applied twice: S3, S4), every refusal is in every device's inbox (S5).
 * `MERIT_FUZZ_SEEDS=20000 npx vitest run --project sync` runs a longer sweep.
 */
const SEEDS = Number(process.env.MERIT_FUZZ_SEEDS ?? 1000);
const FIRST = Number(process.env.MERIT_FUZZ_FIRST ?? 1);
/** Seeds that once failed stay here as named tests. */
const PINNED: number[] = [];

const FAULTS: Fault[] = ['ok', 'ok', 'ok', 'drop-request', 'drop-response', 'duplicate', 'delay'];

let db: Db;
let server: TestServer;
let cycleId: string;
let hr: TestPerson;
beforeAll(async () => {
  db = await openPglite(null);
  await migrate(db);
  server = new TestServer(db);
  await server.start();
  // A launched review cycle, made through HR's procedures; each seed's person joins it as HR adds a participant.
  hr = await createPerson(db, { name: 'Hana', role: 'hr' });
  const draft = await draftCycle(db, server.bus, hr, { selfDeadline: '2099-12-31', managerDeadline: '2099-12-31' });
  await callerAs(db, server.bus, hr).cycles.launch({ cycleId: draft.id });
  cycleId = draft.id;
});
afterAll(async () => {
  await server.bus.close();
  await db.close();
});

const tally = new Map<string, { applied: number; rejected: number }>();

async function runSeed(seed: number) {
  const r = rng(seed);
  const person = await createPerson(db);
  const actor = { personId: person.id, role: person.role };
  const focus = pickFocus(r);
  // HR adds the person to the launched cycle in a share of the seeds only: the review makes every device's first
  // pull heavier, and the run time of `npm test` is a budget.
  const inCycle = focus === REVIEW_FOCUS || r.int(4) === 0;
  if (inCycle) await callerAs(db, server.bus, hr).cycles.addParticipant({ cycleId, personId: person.id });
  const initial = (await serverRows(db, 'reviews', person.id)).map((row) => ({ table: 'reviews' as const, row }));
  expect(initial.length, `seed ${seed}: the person has a review to answer when in the cycle`).toBe(inCycle ? 1 : 0);
  const made: Made[] = [];
  const devices = Array.from({ length: 3 + r.int(3) }, () => new TestDevice(server, actor));
  for (const d of devices) await d.engine.syncOnce(); // every device learns its id from the first round
  const steps = 12 + r.int(20);
  for (let i = 0; i < steps; i++) {
    const d = r.pick(devices);
    if (!d) continue;
    const op = r.int(100);
    if (op < 45) await act(r, d, made, focus);
    else if (op < 80) {
      d.fault = r.pick(FAULTS) ?? 'ok';
      await d.engine.syncOnce();
      d.fault = 'ok';
    } else if (op < 88) d.restart();
    else if (op < 92) await server.restart();
    else await d.deliverDelayed();
  }
  // Quiescence: the network heals, late packets arrive, every device syncs until nothing moves.
  for (const d of devices) await d.deliverDelayed();
  for (let round = 0; round < 2; round++) for (const d of devices) await d.engine.syncOnce();

  const truth = Object.fromEntries(await Promise.all(FUZZ_TABLES.map(async (t) => [t, await serverRows(db, t, person.id)] as const)));
  for (const [i, d] of devices.entries()) {
    for (const t of FUZZ_TABLES) {
      const local = (await d.db.table(t).toArray()).filter((w) => !w.deleted).sort((a, b) => a.id.localeCompare(b.id));
      expect(local, `seed ${seed}: device ${i} ${t} equal the server's`).toEqual(truth[t]);
    }
    expect(await d.db.outbox.count(), `seed ${seed}: device ${i} outbox drained`).toBe(0);
    const deviceId = await getMeta(d.db, 'deviceId');
    const rows = await db.query<{ last_mutation_id: number; n: number }>(
      'select d.last_mutation_id, (select count(*)::int from mutation_result r where r.device_id = d.id) as n from device d where d.id = $1',
      [deviceId],
    );
    const mine = made.filter((m) => m.deviceId === deviceId).length;
    expect(rows[0]?.last_mutation_id ?? 0, `seed ${seed}: every mutation of device ${i} reached the server`).toBe(mine);
    expect(rows[0]?.n ?? 0, `seed ${seed}: each decided exactly once`).toBe(mine);
  }
  const { tables, mismatches } = await replayApplied(db, actor, made, initial, tally);
  expect(mismatches, `seed ${seed}`).toEqual([]);
  for (const t of FUZZ_TABLES) {
    if (t === 'rejections') continue;
    expect((tables[t] ?? []).map(userFields), `seed ${seed}: replay of accepted mutations equals the server's ${t}`).toEqual(
      (truth[t] ?? []).map(userFields),
    );
  }
  const refused = await db.query<{ device_id: string; mutation_id: number; args: unknown }>(
    // Refusals, told apart from conflict copies (S16) by their recorded result, not by code: a create over an
    // existing id (a restore reached the server first, S18) is a refusal whose code is CONFLICT too.
    `select x.device_id, x.mutation_id, x.args from rejection x
     join mutation_result r on r.device_id = x.device_id and r.mutation_id = x.mutation_id
     where x.owner_id = $1 and r.status = 'rejected'`,
    [person.id],
  );
  const rejectedResults = await db.query<{ n: number }>(
    "select count(*)::int as n from mutation_result r join device d on d.id = r.device_id where d.person_id = $1 and r.status = 'rejected'",
    [person.id],
  );
  expect(refused.length, `seed ${seed}: one inbox row per refusal`).toBe(rejectedResults[0]?.n);
  for (const d of devices) {
    const inbox = await d.db.rejections.toArray();
    for (const x of refused) {
      const row = inbox.find((y) => y.deviceId === x.device_id && y.mutationId === x.mutation_id);
      expect(row?.args, `seed ${seed}: refusal kept with its text on every device`).toEqual(x.args);
    }
  }
  for (const d of devices) d.db.closeAll();
}

describe('sync fuzz: 3-5 devices, faults, restarts', () => {
  for (const seed of PINNED) it(`pinned seed ${seed}`, () => runSeed(seed));
  it(`${SEEDS} seeds from ${FIRST}`, async () => {
    console.log(`sync fuzz: seeds ${FIRST}..${FIRST + SEEDS - 1} (replay one: MERIT_FUZZ_FIRST=<seed> MERIT_FUZZ_SEEDS=1)`);
    for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
      try {
        await runSeed(seed);
      } catch (e) {
        console.error(`sync fuzz: seed ${seed} FAILED`);
        throw e;
      }
    }
    const covered = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([n, c]) => `${n} ${c.applied}/${c.rejected}`);
    console.log(`sync fuzz: applied/refused per mutation: ${covered.join(', ')}`);
    // Every synced feature is exercised, accepted and refused, or the oracles above prove little about it.
    for (const name of ['goal.update@1', 'checkin.create@1', 'note.update@1', 'feedback.update@1', 'review.answer@1'])
      expect(tally.get(name)?.applied ?? 0, `${name} applied at least once`).toBeGreaterThan(0);
  });
});
