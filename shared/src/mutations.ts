import type * as z from 'zod/mini';
// goals and check-ins (issue 5)
import { type Checkin, CheckinCreateArgs, CheckinDeleteArgs, createCheckin, deleteCheckin } from './domain/checkin';
// --- notes, feedback, manager notes (issue 5 item 5) ---
import {
  createFeedback,
  deleteFeedback,
  type Feedback,
  FeedbackCreateArgs,
  FeedbackDeleteArgs,
  FeedbackUpdateArgs,
  updateFeedback,
} from './domain/feedback';
import {
  acceptGoal,
  createGoal,
  deleteGoal,
  type Goal,
  GoalAcceptArgs,
  GoalCreateArgs,
  GoalDeleteArgs,
  GoalProposeArgs,
  GoalUpdateArgs,
  proposeGoal,
  updateGoal,
} from './domain/goal';
import { type LongText, patchText, settleLongText } from './domain/long-text';
import {
  createManagerNote,
  deleteManagerNote,
  type ManagerNote,
  ManagerNoteCreateArgs,
  ManagerNoteDeleteArgs,
  ManagerNoteUpdateArgs,
  updateManagerNote,
} from './domain/manager-note';
import { createNote, deleteNote, type Note, NoteCreateArgs, NoteDeleteArgs, NoteUpdateArgs, updateNote } from './domain/note';
// notifications
import { type Notification, NotificationReadArgs, readNotification } from './domain/notification';
import { dismissRejection, InboxDismissArgs, InboxSetAsideArgs, type Rejection, setAsideMutation } from './domain/rejection';
import {
  acknowledgeReview,
  answerReview,
  type Review,
  ReviewAckArgs,
  ReviewAnswerArgs,
  ReviewIdArgs,
  reviewAnswerText,
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
// --- end notes ---

/** The synced tables and the row type of each. */
export interface SyncTables {
  wins: Win;
  rejections: Rejection;
  // goals and check-ins (issue 5)
  goals: Goal;
  checkins: Checkin;
  // notifications
  notifications: Notification;
  // --- notes ---
  notes: Note;
  feedback: Feedback;
  managerNotes: ManagerNote;
  // --- end notes ---
  // --- reviews ---
  reviews: Review;
  // --- end reviews ---
}
export type TableName = keyof SyncTables;
export const TABLES: readonly TableName[] = [
  'wins',
  'rejections',
  // goals and check-ins (issue 5)
  'goals',
  'checkins',
  // notifications
  'notifications',
  // --- notes ---
  'notes',
  'feedback',
  'managerNotes',
  // --- end notes ---
  // --- reviews ---
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
  /**
   * The long text this mutation edits, declared here and only here (S50): `apply` merges it with the `base` the
   * edit carries (three-way, S16), the server names it in a conflict copy, the inbox offers "Use my version" from
   * it, and the tests walk every declaration. Short fields are last-writer-wins per field and are not declared.
   */
  longText?: LongText<NoInfer<A>, SyncTables[T]>;
}

/** A registry entry; with `longText`, its `apply` settles that text against the stored one after the rule. */
const def = <T extends TableName, A>(d: MutationDef<T, A>): MutationDef<T, A> => {
  const lt = d.longText;
  if (!lt) return d;
  return { ...d, apply: (prev, args, ctx) => settleLongText(lt, prev, args, d.apply(prev, args, ctx)) };
};

/**
 * Names carry a version: an outbox written by an older client still applies after an upgrade, as long
 * as its name stays registered here.
 */
export const MUTATIONS = {
  'win.create@1': def({ table: 'wins', args: WinCreateArgs, target: (a) => a.id, apply: createWin }),
  'win.update@1': def({
    table: 'wins',
    args: WinUpdateArgs,
    target: (a) => a.id,
    apply: updateWin,
    longText: patchText<'description', WinUpdateArgs, Win>('description', 'description'),
  }),
  'win.delete@1': def({ table: 'wins', args: WinDeleteArgs, target: (a) => a.id, apply: deleteWin }),
  'inbox.dismiss@1': def({ table: 'rejections', args: InboxDismissArgs, target: (a) => a.id, apply: dismissRejection }),
  // A device's stand-in for an outbox entry the server kept failing on (S41).
  'inbox.setAside@1': def({ table: 'rejections', args: InboxSetAsideArgs, target: (a) => a.id, apply: setAsideMutation }),
  // goals and check-ins (issue 5)
  'goal.create@1': def({ table: 'goals', args: GoalCreateArgs, target: (a) => a.id, apply: createGoal }),
  'goal.update@1': def({
    table: 'goals',
    args: GoalUpdateArgs,
    target: (a) => a.id,
    apply: updateGoal,
    longText: patchText<'description', GoalUpdateArgs, Goal>('description', 'description'),
  }),
  'goal.delete@1': def({ table: 'goals', args: GoalDeleteArgs, target: (a) => a.id, apply: deleteGoal }),
  'goal.accept@1': def({ table: 'goals', args: GoalAcceptArgs, target: (a) => a.id, apply: acceptGoal }),
  'goal.propose@1': def({ table: 'goals', args: GoalProposeArgs, target: (a) => a.id, apply: proposeGoal }),
  'checkin.create@1': def({ table: 'checkins', args: CheckinCreateArgs, target: (a) => a.id, apply: createCheckin }),
  'checkin.delete@1': def({ table: 'checkins', args: CheckinDeleteArgs, target: (a) => a.id, apply: deleteCheckin }),
  // notifications
  'notification.read@1': def({ table: 'notifications', args: NotificationReadArgs, target: (a) => a.id, apply: readNotification }),
  // --- reviews ---
  'review.answer@1': def({
    table: 'reviews',
    args: ReviewAnswerArgs,
    target: (a) => a.id,
    apply: answerReview,
    longText: reviewAnswerText,
  }),
  'review.submitSelf@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: submitSelf }),
  'review.submitManager@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: submitManager }),
  'review.signOff@1': def({ table: 'reviews', args: ReviewIdArgs, target: (a) => a.id, apply: signOffReview }),
  'review.acknowledge@1': def({ table: 'reviews', args: ReviewAckArgs, target: (a) => a.id, apply: acknowledgeReview }),
  // --- end reviews ---
  // Undo of a delete.
  'win.restore@1': def({ table: 'wins', args: WinRestoreArgs, target: (a) => a.id, apply: restoreWin }),
  // --- notes ---
  'note.create@1': def({ table: 'notes', args: NoteCreateArgs, target: (a) => a.id, apply: createNote }),
  'note.update@1': def({
    table: 'notes',
    args: NoteUpdateArgs,
    target: (a) => a.id,
    apply: updateNote,
    longText: patchText<'body', NoteUpdateArgs, Note>('body', 'note'),
  }),
  'note.delete@1': def({ table: 'notes', args: NoteDeleteArgs, target: (a) => a.id, apply: deleteNote }),
  'feedback.create@1': def({ table: 'feedback', args: FeedbackCreateArgs, target: (a) => a.id, apply: createFeedback }),
  'feedback.update@1': def({
    table: 'feedback',
    args: FeedbackUpdateArgs,
    target: (a) => a.id,
    apply: updateFeedback,
    longText: patchText<'body', FeedbackUpdateArgs, Feedback>('body', 'feedback'),
  }),
  'feedback.delete@1': def({ table: 'feedback', args: FeedbackDeleteArgs, target: (a) => a.id, apply: deleteFeedback }),
  'managerNote.create@1': def({ table: 'managerNotes', args: ManagerNoteCreateArgs, target: (a) => a.id, apply: createManagerNote }),
  'managerNote.update@1': def({
    table: 'managerNotes',
    args: ManagerNoteUpdateArgs,
    target: (a) => a.id,
    apply: updateManagerNote,
    longText: patchText<'body', ManagerNoteUpdateArgs, ManagerNote>('body', 'note'),
  }),
  'managerNote.delete@1': def({ table: 'managerNotes', args: ManagerNoteDeleteArgs, target: (a) => a.id, apply: deleteManagerNote }),
  // --- end notes ---
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = (typeof MUTATIONS)[N] extends MutationDef<TableName, infer A> ? A : never;
export type AnyMutationDef = MutationDef<TableName, unknown>;

export function mutationDef(name: string): AnyMutationDef | undefined {
  return Object.hasOwn(MUTATIONS, name) ? (MUTATIONS[name as MutationName] as unknown as AnyMutationDef) : undefined;
}
