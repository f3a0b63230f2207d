import type { Checkin } from '@merit/shared/domain/checkin';
import { uuidv7 } from '@merit/shared/ids';

let seq = 0;

/** A check-in row as the server sends it, for tests of the device's tables. */
export const checkinRow = (
  ownerId: string,
  goalId: string,
  krId: string,
  date: string,
  value: number,
  over: Partial<Checkin> = {},
): Checkin => ({
  id: uuidv7(),
  ownerId,
  goalId,
  krId,
  value,
  confidence: 5,
  note: '',
  date,
  goalVisibility: 'manager',
  createdAt: ++seq,
  updatedAt: seq,
  version: seq,
  deleted: false,
  ...over,
});
