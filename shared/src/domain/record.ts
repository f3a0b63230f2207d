import { fail, ok, type RuleResult } from '../errors';
import type { Actor } from './person';

export interface RuleContext {
  actor: Actor;
  /** Milliseconds since the epoch; the server's clock wins over the device's. */
  now: number;
  /**
   * `device` when a device runs the rule on its own clock (optimistically, in `mutate` and the rebase): a rule
   * never REFUSES on time there (deadlines), it lets the mutation queue and the server decide on its clock (S1, S51).
   */
  clock?: 'device';
  /** The actor's direct reports, read by the server from the database (never from the client's claim). */
  reports?: readonly string[];
}

/** Fields every synced row carries. */
export interface Synced {
  id: string;
  ownerId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
  deleted: boolean;
}

/**
 * The shared guard of every edit: the record exists, the actor owns it, and it was not deleted (an edit must
 * not bring a deleted record back to life, rule S17). `noun` makes the messages read naturally.
 */
export function ownedEditable<T extends Synced>(prev: T | undefined, ctx: RuleContext, noun: string): RuleResult<T> {
  if (!prev) return fail('NOT_FOUND', `This ${noun} does not exist`);
  if (prev.ownerId !== ctx.actor.personId) return fail('FORBIDDEN', `Only its author can change this ${noun}`);
  if (prev.deleted) return fail('DELETED', `This ${noun} was deleted on another device`);
  return ok(prev);
}

export function created(prev: Synced | undefined, id: string, ownerId: string, ctx: RuleContext): RuleResult<Synced> {
  if (prev) return fail('CONFLICT', 'A record with this id already exists', 'id');
  return ok({ id, ownerId, createdAt: ctx.now, updatedAt: ctx.now, version: 0, deleted: false });
}

export function softDelete<T extends Synced>(prev: T | undefined, ctx: RuleContext, noun: string): RuleResult<T> {
  const base = ownedEditable(prev, ctx, noun);
  return base.ok ? ok({ ...base.value, deleted: true, updatedAt: ctx.now }) : base;
}

/** Tags and similar lists are sets: de-duplicated, order kept. */
export const uniq = (xs: readonly string[]) => [...new Set(xs)];
