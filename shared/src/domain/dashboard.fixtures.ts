import { uuidv7 } from '../ids';
import type { Checkin } from './checkin';
import type { Goal, KeyResult } from './goal';

/** A person's goals, key results and check-ins, shared by the dashboard tests. */
export const owner = uuidv7();
export const kr = (over: Partial<KeyResult> = {}): KeyResult => ({
  id: 'a',
  title: 'KR',
  kind: 'number',
  start: 0,
  target: 100,
  unit: '',
  weight: 1,
  current: null,
  ...over,
});
export const goal = (over: Partial<Goal> = {}): Goal => ({
  id: uuidv7(),
  ownerId: owner,
  title: 'Goal',
  description: '',
  periodStart: '2026-10-01',
  dueDate: '2026-12-31',
  visibility: 'manager',
  status: 'active',
  parentId: null,
  proposedBy: null,
  keyResults: [kr()],
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  deleted: false,
  ...over,
});
let seq = 0;
export const checkin = (g: Goal, krId: string, date: string, value: number, confidence = 5): Checkin => ({
  id: uuidv7(),
  ownerId: g.ownerId,
  goalId: g.id,
  krId,
  value,
  confidence,
  note: '',
  date,
  goalVisibility: g.visibility,
  createdAt: ++seq,
  updatedAt: seq,
  version: seq,
  deleted: false,
});
