import { lazyScreen } from './lazy-screen';

// The signed-in app (its database, sync engine, mutation registry, Home and Wins) is a chunk of its own: the
// signed-out screens (sign-in, set-password, setup) never load it. See docs/ARCHITECTURE.md, "What each entry loads".
export const SignedInApp = lazyScreen(() => import('./signed-in').then((m) => m.SignedIn));
// Everything but Home, Wins and the shell loads on first use: the first page load stays within budget.
export const SignInScreen = lazyScreen(() => import('@/features/auth/sign-in-screen').then((m) => m.SignInScreen));
export const SetupScreen = lazyScreen(() => import('@/features/auth/setup-screen').then((m) => m.SetupScreen));
export const ForgotPasswordScreen = lazyScreen(() => import('@/features/auth/forgot-password-screen').then((m) => m.ForgotPasswordScreen));
export const SetPasswordScreen = lazyScreen(() => import('@/features/auth/set-password-screen').then((m) => m.SetPasswordScreen));
export const LogWinScreen = lazyScreen(() => import('@/features/wins/log-win-screen').then((m) => m.LogWinScreen));
export const PeopleArea = lazyScreen(() => import('@/features/people/people-area').then((m) => m.default));
export const InboxScreen = lazyScreen(() => import('@/features/inbox/inbox-screen').then((m) => m.default));
export const MeScreen = lazyScreen(() => import('@/features/me/me-screen').then((m) => m.default));
// HR review cycles and notifications
export const CyclesArea = lazyScreen(() => import('@/features/cycles/cycles-area').then((m) => m.default));
export const NotificationsScreen = lazyScreen(() => import('@/features/notifications/notifications-screen').then((m) => m.default));

// goals (issue 5)
export const GoalsScreen = lazyScreen(() => import('@/features/goals/goals-screen').then((m) => m.default));
export const GoalDetailScreen = lazyScreen(() => import('@/features/goals/goal-detail-screen').then((m) => m.default));
export const GoalEditScreen = lazyScreen(() => import('@/features/goals/goal-edit-screen').then((m) => m.default));
export const CheckinScreen = lazyScreen(() => import('@/features/goals/checkin-screen').then((m) => m.default));
export const TeamScreen = lazyScreen(() => import('@/features/goals/team-screen').then((m) => m.default));
export const ReportScreen = lazyScreen(() => import('@/features/goals/report-screen').then((m) => m.default));
// Wins: the detail/edit screen.
export const WinDetailScreen = lazyScreen(() => import('@/features/wins/win-detail-screen').then((m) => m.WinDetailScreen));
// --- notes ---
export const NotesArea = lazyScreen(() => import('@/features/notes/notes-area').then((m) => m.default));
export const NoteEditScreen = lazyScreen(() => import('@/features/notes/note-edit-screen').then((m) => m.default));
export const FeedbackScreen = lazyScreen(() => import('@/features/notes/feedback-screen').then((m) => m.default));
export const ManagerNotesScreen = lazyScreen(() => import('@/features/notes/manager-notes-screen').then((m) => m.default));
export const RecordScreen = lazyScreen(() => import('@/features/me/record-screen').then((m) => m.default));
// --- end notes ---

// --- reviews ---
export const ReviewsScreen = lazyScreen(() => import('@/features/reviews/reviews-screen').then((m) => m.default));
export const ReviewScreen = lazyScreen(() => import('@/features/reviews/review-screen').then((m) => m.default));
// --- end reviews ---

/**
 * Every screen an employee or a manager may open offline (S52). Loaded once the signed-in app is idle, so a
 * phone that goes offline right after its first sign-in, before the service worker has cached the app (or
 * taken control of the page), still opens each of them: a module once imported never touches the network
 * again. The service worker's precache covers the next visits.
 */
const OFFLINE_SCREENS = [
  LogWinScreen,
  WinDetailScreen,
  GoalsScreen,
  GoalDetailScreen,
  GoalEditScreen,
  CheckinScreen,
  TeamScreen,
  ReportScreen,
  NotesArea,
  NoteEditScreen,
  FeedbackScreen,
  ManagerNotesScreen,
  ReviewsScreen,
  ReviewScreen,
  InboxScreen,
  MeScreen,
  RecordScreen,
  NotificationsScreen,
];

/** Loads every offline screen, and what they load inside themselves (charts, the zip); HR's areas too for HR. */
export function preloadOfflineScreens(role: string): Promise<unknown> {
  const screens = role === 'hr' ? [...OFFLINE_SCREENS, CyclesArea, PeopleArea] : OFFLINE_SCREENS;
  return Promise.allSettled([
    ...screens.map((s) => s.preload()),
    import('@/features/goals/kr-chart'),
    import('@/features/goals/achievement-chart'),
    // "Download my data" zips the device's copy offline too.
    import('fflate'),
  ]);
}
// identity (issue 13): HR's SCIM tokens and break-glass accounts
export const IdentityScreen = lazyScreen(() => import('@/features/identity/identity-screen').then((m) => m.default));
