import type { GoalSummary, KrStatus } from '@merit/shared/domain/dashboard';
import type { GoalOutlook } from '@merit/shared/domain/forecast';
import type { GoalStatus, GoalVisibility } from '@merit/shared/domain/goal';
import { krValue, percent } from '@/ui/format';

export { krValue, percent };

export const OUTLOOK_WORDS: Record<GoalOutlook, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'not-enough-data': 'Not enough data',
};
export const OUTLOOK_BADGE: Record<GoalOutlook, string> = {
  'on-track': 'badge-ok',
  'at-risk': 'badge-bad',
  'not-enough-data': 'badge-muted',
};

export const STATUS_WORDS: Record<GoalStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  achieved: 'Achieved',
  missed: 'Missed',
  dropped: 'Dropped',
};

export const VISIBILITY_WORDS: Record<GoalVisibility, string> = {
  private: 'Private',
  manager: 'Shared with my manager',
  org: 'Everyone in the organisation',
};

/** "Projected 14 by 31 Dec" or why there is no projection. */
export function forecastWords(k: KrStatus): string {
  if (k.forecast.kind === 'not-enough-data') return 'Two check-ins on different days make a forecast';
  return `Projected ${krValue(k.kr, Math.round(k.forecast.projected * 100) / 100)} at the due date`;
}

/** Badge for a goal's line in a list: its status when it ended, its outlook while it runs. */
export function goalBadge(s: GoalSummary): { text: string; className: string } {
  if (s.goal.status === 'active') return { text: OUTLOOK_WORDS[s.outlook], className: OUTLOOK_BADGE[s.outlook] };
  if (s.goal.status === 'achieved') return { text: 'Achieved', className: 'badge-ok' };
  if (s.goal.status === 'proposed') return { text: 'Proposed', className: 'badge-warn' };
  return { text: STATUS_WORDS[s.goal.status], className: 'badge-muted' };
}
