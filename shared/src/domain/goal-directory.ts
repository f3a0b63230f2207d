import * as z from 'zod/mini';

/** An organisation-visible goal of anyone, offered when picking the goal a new one supports (`goals.directory`). */
export interface DirectoryGoal {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: string;
}

/** The achievement threshold HR sets (share of the way to target that counts as achieved), as a percentage. */
export const ThresholdInput = z.strictObject({ percent: z.int().check(z.minimum(1), z.maximum(100)) });
export type ThresholdInput = z.infer<typeof ThresholdInput>;

/** A direct report as their manager's devices know them (`goals.team`), for the team view. */
export interface TeamMember {
  id: string;
  name: string;
  department: string;
}
