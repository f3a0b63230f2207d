import { type ReactNode, Suspense } from 'react';
import { WinsScreen } from '@/features/wins/wins-screen';
import type { Me } from '@/lib/me';
import { matchPath } from '@/ui/router';
import { Spinner } from '@/ui/screen';
import { HomeRoute } from './home-dashboard-slot';
import { LazyScreen } from './lazy-screen';
import {
  CheckinScreen,
  CyclesArea,
  FeedbackScreen,
  GoalDetailScreen,
  GoalEditScreen,
  GoalsScreen,
  IdentityScreen,
  InboxScreen,
  LogWinScreen,
  ManagerNotesScreen,
  MeScreen,
  NoteEditScreen,
  NotesArea,
  NotificationsScreen,
  PeopleArea,
  RecordScreen,
  ReportScreen,
  ReviewScreen,
  ReviewsScreen,
  SignInScreen,
  TeamScreen,
  WinDetailScreen,
} from './screens';
import { NotFound } from './status-screens';

export interface RouteProps {
  me: Me;
  onSignedIn(me: Me): void;
  onSignedOut(warning?: string): void;
}

interface Route {
  pattern: string;
  title: string;
  hr?: boolean;
  /** Full-screen task: the bottom navigation steps aside (and the keyboard gets the room). */
  focused?: boolean;
  render(p: RouteProps, path: string): ReactNode;
}

export const ROUTES: readonly Route[] = [
  {
    pattern: '/',
    title: 'Home',
    render: (p) => <HomeRoute me={p.me} />,
  },
  { pattern: '/wins', title: 'Wins', render: () => <WinsScreen /> },
  { pattern: '/wins/new', title: 'Log a win', focused: true, render: () => <LazyScreen screen={LogWinScreen} props={{}} /> },
  { pattern: '/people', title: 'People', hr: true, render: (_, path) => <LazyScreen screen={PeopleArea} props={{ path }} /> },
  { pattern: '/people/new', title: 'Add person', hr: true, render: (_, path) => <LazyScreen screen={PeopleArea} props={{ path }} /> },
  { pattern: '/people/import', title: 'Import people', hr: true, render: (_, path) => <LazyScreen screen={PeopleArea} props={{ path }} /> },
  {
    pattern: '/people/identity',
    title: 'Sign-in & provisioning',
    hr: true,
    render: () => <LazyScreen screen={IdentityScreen} props={{}} />,
  },
  { pattern: '/people/:id', title: 'Edit person', hr: true, render: (_, path) => <LazyScreen screen={PeopleArea} props={{ path }} /> },
  // --- reviews ---
  { pattern: '/reviews', title: 'Reviews', render: (p) => <LazyScreen screen={ReviewsScreen} props={{ me: p.me }} /> },
  {
    pattern: '/reviews/:id',
    title: 'Review',
    render: (p, path) => <LazyScreen screen={ReviewScreen} props={{ me: p.me, id: matchPath('/reviews/:id', path)?.id ?? '' }} />,
  },
  // --- end reviews ---
  { pattern: '/inbox', title: 'Inbox', render: () => <LazyScreen screen={InboxScreen} props={{}} /> },
  { pattern: '/me', title: 'Me', render: (p) => <LazyScreen screen={MeScreen} props={{ me: p.me, onSignedOut: p.onSignedOut }} /> },
  // HR review cycles (one lazy chunk) and notifications
  ...(
    [
      ['/cycles', 'Review cycles'],
      ['/cycles/new', 'New review cycle'],
      ['/cycles/audit', 'Audit log'],
      ['/cycles/templates/new', 'New template'],
      ['/cycles/templates/:id', 'Template'],
      ['/cycles/:id', 'Review cycle'],
      ['/cycles/:id/reviews/:reviewId', 'Review'],
    ] as const
  ).map(
    ([pattern, title]): Route => ({ pattern, title, hr: true, render: (_, path) => <LazyScreen screen={CyclesArea} props={{ path }} /> }),
  ),
  { pattern: '/notifications', title: 'Notifications', render: () => <LazyScreen screen={NotificationsScreen} props={{}} /> },
  // --- notes ---
  { pattern: '/notes', title: 'Notes', render: (_, path) => <LazyScreen screen={NotesArea} props={{ path }} /> },
  { pattern: '/notes/feedback', title: 'Feedback', render: (_, path) => <LazyScreen screen={NotesArea} props={{ path }} /> },
  {
    pattern: '/notes/feedback/new',
    title: 'Feedback received',
    focused: true,
    render: () => <LazyScreen screen={FeedbackScreen} props={{}} />,
  },
  {
    pattern: '/notes/feedback/:id',
    title: 'Edit feedback',
    focused: true,
    render: (_, path) => <LazyScreen screen={FeedbackScreen} props={{ id: param('/notes/feedback/:id', path, 'id') }} />,
  },
  {
    pattern: '/notes/:id',
    title: 'Edit note',
    focused: true,
    render: (_, path) => <LazyScreen screen={NoteEditScreen} props={{ id: param('/notes/:id', path, 'id') }} />,
  },
  {
    pattern: '/team/:personId/notes',
    title: 'Notes about a report',
    render: (_, path) => <LazyScreen screen={ManagerNotesScreen} props={{ personId: param('/team/:personId/notes', path, 'personId') }} />,
  },
  { pattern: '/me/record', title: 'My record', render: (p) => <LazyScreen screen={RecordScreen} props={{ me: p.me }} /> },
  // --- end notes ---
  {
    pattern: '/sign-in',
    title: 'Sign in',
    focused: true,
    render: (p) => (
      <LazyScreen
        screen={SignInScreen}
        props={{
          onSignedIn: p.onSignedIn,
          email: p.me.email,
          orgName: p.me.orgName,
          notice: 'Your unsynced changes stay on this device while you sign in.',
        }}
      />
    ),
  },
  // goals (issue 5): "new" before ":id", the first match wins.
  {
    pattern: '/goals',
    title: 'Goals',
    render: (p) => (
      <LazyScreen
        screen={GoalsScreen}
        props={{ isManager: p.me.isManager, isHr: p.me.role === 'hr', threshold: p.me.achievementThreshold }}
      />
    ),
  },
  {
    pattern: '/goals/new',
    title: 'New goal',
    focused: true,
    render: () => <LazyScreen screen={GoalEditScreen} props={{ mode: { kind: 'new' } }} />,
  },
  {
    pattern: '/goals/:id',
    title: 'Goal',
    render: (_, path) => <LazyScreen screen={GoalDetailScreen} props={{ id: param('/goals/:id', path, 'id') }} />,
  },
  {
    pattern: '/goals/:id/edit',
    title: 'Edit goal',
    focused: true,
    render: (_, path) => (
      <LazyScreen screen={GoalEditScreen} props={{ mode: { kind: 'edit', id: param('/goals/:id/edit', path, 'id') } }} />
    ),
  },
  {
    pattern: '/goals/:id/checkin/:krId',
    title: 'Check in',
    focused: true,
    render: (_, path) => {
      const pattern = '/goals/:id/checkin/:krId';
      return <LazyScreen screen={CheckinScreen} props={{ goalId: param(pattern, path, 'id'), krId: param(pattern, path, 'krId') }} />;
    },
  },
  { pattern: '/team', title: 'Your team', render: () => <LazyScreen screen={TeamScreen} props={{}} /> },
  {
    pattern: '/team/:id',
    title: 'Report',
    render: (_, path) => <LazyScreen screen={ReportScreen} props={{ personId: param('/team/:id', path, 'id') }} />,
  },
  {
    pattern: '/team/:id/propose',
    title: 'Propose a goal',
    focused: true,
    render: (_, path) => (
      <LazyScreen screen={GoalEditScreen} props={{ mode: { kind: 'propose', ownerId: param('/team/:id/propose', path, 'id') } }} />
    ),
  },
  // Wins: one win to edit or read; after `/wins/new`, which the first match takes.
  {
    pattern: '/wins/:id',
    title: 'Win',
    focused: true,
    render: (_, path) => <LazyScreen screen={WinDetailScreen} props={{ id: matchPath('/wins/:id', path)?.id ?? '' }} />,
  },
];

/** A path parameter of a route that matched (so it is there). */
const param = (pattern: string, path: string, name: string) => matchPath(pattern, path)?.[name] ?? '';

export function findRoute(path: string, role: Me['role']): Route | undefined {
  const r = ROUTES.find((x) => matchPath(x.pattern, path));
  return r && (!r.hr || role === 'hr') ? r : undefined;
}

/** The screen for a path, or "not found"; lazily loaded screens show a spinner the first time. */
export function RouteView({ path, ...props }: RouteProps & { path: string }) {
  const route = findRoute(path, props.me.role);
  return <Suspense fallback={<Spinner />}>{route ? route.render(props, path) : <NotFound />}</Suspense>;
}
