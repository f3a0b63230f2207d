import type { ComponentType, SVGProps } from 'react';
import { useInbox } from '@/db/hooks';
import { BadgeLink } from '@/ui/badge-link';
import { ClipboardIcon, HomeIcon, InboxIcon, NoteIcon, PeopleIcon, StarIcon, TargetIcon, TeamIcon, UserIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

interface Item {
  href: string;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

/**
 * Five destinations everyone uses daily fit a 390 px phone; HR gets a sixth, "People", the door to the admin
 * screens (people, review cycles, audit log; see AdminTabs). Inbox, notifications and Me live in the top bar.
 */
const ITEMS: readonly (Item & { hr?: boolean; manager?: boolean; also?: string })[] = [
  { href: '/', label: 'Home', Icon: HomeIcon },
  { href: '/wins', label: 'Wins', Icon: StarIcon },
  { href: '/goals', label: 'Goals', Icon: TargetIcon },
  { href: '/notes', label: 'Notes', Icon: NoteIcon },
  { href: '/reviews', label: 'Reviews', Icon: ClipboardIcon },
  // Managers get their team as a tab of its own: each report's goals, shared wins and feedback, reviews.
  { href: '/team', label: 'Team', Icon: TeamIcon, manager: true },
  { href: '/people', label: 'People', Icon: PeopleIcon, hr: true, also: '/cycles' },
];

const under = (href: string, path: string) => path === href || path.startsWith(`${href}/`);
const isCurrent = (href: string, path: string) => (href === '/' ? path === '/' : under(href, path));

export function BottomNav({ path, isHr, isManager = false }: { path: string; isHr: boolean; isManager?: boolean }) {
  return (
    <nav className="bottom-nav" aria-label="Main">
      <ul>
        {ITEMS.filter((i) => (!i.hr || isHr) && (!i.manager || isManager)).map(({ href, label, Icon, also }) => (
          <li key={href}>
            <Link
              href={href}
              className="nav-link"
              aria-current={isCurrent(href, path) || (also !== undefined && under(also, path)) ? 'page' : undefined}
            >
              <span className="nav-icon">
                <Icon />
              </span>
              <span className="nav-label">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top bar's way to what needs attention: refused or clashing changes, with their count. */
export function InboxButton() {
  const inbox = useInbox()?.length ?? 0;
  return <BadgeLink href="/inbox" label="Inbox" count={inbox} countWords="need attention" Icon={InboxIcon} />;
}

export function MeButton({ path }: { path: string }) {
  return (
    <Link href="/me" className="icon-btn bell" aria-label="Me" aria-current={under('/me', path) ? 'page' : undefined}>
      <UserIcon />
    </Link>
  );
}

const ADMIN: readonly { href: string; label: string }[] = [
  { href: '/people', label: 'People' },
  { href: '/cycles', label: 'Review cycles' },
  { href: '/cycles/audit', label: 'Audit log' },
  { href: '/people/identity', label: 'Sign-in' },
];

/** HR's admin screens side by side: shown on /people and /cycles. */
export function AdminTabs({ path }: { path: string }) {
  if (!under('/people', path) && !under('/cycles', path)) return null;
  const current = path.startsWith('/cycles/audit')
    ? '/cycles/audit'
    : under('/cycles', path)
      ? '/cycles'
      : path.startsWith('/people/identity')
        ? '/people/identity'
        : '/people';
  return (
    <nav className="admin-tabs" aria-label="Admin">
      {ADMIN.map((a) => (
        <Link key={a.href} href={a.href} className="admin-tab" aria-current={a.href === current ? 'page' : undefined}>
          {a.label}
        </Link>
      ))}
    </nav>
  );
}
