import type * as z from 'zod/mini';
import { dismissRejection, InboxDismissArgs, type Rejection } from './domain/rejection';
import {
  acknowledgeReview,
  answerReview,
  type Review,
  ReviewAckArgs,
  ReviewAnswerArgs,
  ReviewIdArgs,
  signOffReview,
  submitManager,
  submitSelf,
} from './domain/review';
import {
  createWin,
  deleteWin,
  type RuleContext,
  restoreWin,
  updateWin,
  type Win,
  WinCreateArgs,
  WinDeleteArgs,
  WinRestoreArgs,
  WinUpdateArgs,
} from './domain/win';
import type { RuleResult } from './errors';

/** The synced tables and the row type of each. */
export interface SyncTables {
  wins: Win;
  rejections: Rejection;
  // --- reviews (reviews-A) ---
  reviews: Review;
  // --- end reviews ---
}
export type TableName = keyof SyncTables;
export const TABLES: readonly TableName[] = [
  'wins',
  'rejections',
  // --- reviews (reviews-A) ---
  'reviews',
  // --- end reviews ---
];

/**
 * One mutation kind: the table and the single record it touches, its argument schema and its pure rule.
 * The client runs `apply` optimistically; the server runs the same `apply` on its own copy and wins.
 */
export interface MutationDef<T extends TableName, A> {
  table: T;
  args: z.ZodMiniType<A>;
  target(args: A): string;
  apply(prev: SyncTables[T] | undefined, args: A, ctx: RuleContext): RuleResult<SyncTables[T]>;
}

const def = <T extends TableName, A>(d: MutationDef<T, A>) => d;

/**
 * Names carry a version: an outbox written by an older client still applies after an upgrade, as long
 * as its name stays registered here.
 */
export const MUTATIONS = {
  'win.create@1': def({ table: 'wins', args: WinCreateArgs, target: (a) => a.id, apply: createWin }),
  'win.update@1': def({ table: 'wins', args: WinUpdateArgs, target: (a) => a.id, apply: updateWin }),
  'win.delete@1': def({ table: 'wins', args: WinDeleteArgs, target: (a) => a.id, apply: deleteWin }),
  'inbox.dismiss@1': def({ table: 'rejections', args: InboxDismissArgs, target: (a) => a.id, apply: dismissRejection }),
  // --- reviews (reviews-A) ---
  'review.answer@1': def({ table: 'reviews', args: ReviewAnswerArgs, target: (a) => a.id, apply: answerReview }),
  'review.submitSelf@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: submitSelf }),
  'review.submitManager@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: submitManager }),
  'review.signOff@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: signOffReview }),
  'review.acknowledge@1': def({ table: 'reviews', args: ReviewAckArgs, target: (a) => a.id, apply: acknowledgeReview }),
  // --- end reviews ---
  // Undo of a delete (h-wins).
  'win.restore@1': def({ table: 'wins', args: WinRestoreArgs, target: (a) => a.id, apply: restoreWin }),
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = (typeof MUTATIONS)[N] extends MutationDef<TableName, infer A> ? A : never;
export type AnyMutationDef = MutationDef<TableName, unknown>;

export function mutationDef(name: string): AnyMutationDef | undefined {
  return Object.hasOwn(MUTATIONS, name) ? (MUTATIONS[name as MutationName] as unknown as AnyMutationDef) : undefined;
}
