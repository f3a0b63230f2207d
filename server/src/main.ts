import { startBanner } from './banner';
import { startReminders } from './cycles/reminders';
import type { Db } from './db/client';
import { openDatabase } from './db/open';
import { seedLarge } from './demo/large-org-start';
import { seedDemo } from './demo/seed';
import { readEnv } from './env';
import { buildApp } from './http/app';
import { createMailer } from './notifications/mailer';
import { startPushSender } from './push/sender';
import { type ChangeBus, createChangeBus } from './sync/bus';

const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts Merit: database (migrated), change bus, optional demo data, HTTP. A start-up failure prints
 * one line and exits 1; a stack trace helps nobody whose data directory is locked by another server.
 */
async function main(): Promise<void> {
  const env = readEnv();
  const opened = await openDatabase(env);
  const db: Db = opened.db;
  let bus: ChangeBus | null = null;
  try {
    bus = await createChangeBus(db);
    const demoLines: string[] = [];
    if (env.demo && env.demoPeople !== null) await seedLarge(db, env.demoPeople, (line) => demoLines.push(line));
    else if (env.demo) await seedDemo(db, (line) => demoLines.push(line));
    const app = await buildApp({ db, env, bus });
    await app.listen({ host: env.host, port: env.port });
    // automatic review reminders (idempotent across processes: see cycles/reminders.ts)
    const stopReminders = startReminders(db, bus, createMailer(env), (m) => app.log.warn(m));
    // web push (issue 13): VAPID keys made on first start; queued pushes sent after each commit
    const stopPush = await startPushSender(db, env, (m) => app.log.warn(m));
    console.log(startBanner(env, db.kind === 'pg' ? 'pg' : 'pglite', demoLines));

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${signal}: finishing requests in flight, then stopping`);
      // Order matters: no new requests, in-flight ones finish, then nothing is left to use the bus or database.
      // A stuck connection must not keep a stopping server alive forever (an orchestrator would SIGKILL it anyway).
      setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
      stopReminders();
      await app.close();
      await stopPush();
      await bus?.close();
      await db.close();
      opened.release();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  } catch (e) {
    await bus?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    opened.release();
    throw e;
  }
}

main().catch((e: unknown) => {
  console.error(`Merit could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
