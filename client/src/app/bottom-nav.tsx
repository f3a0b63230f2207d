import type { ComponentType, SVGProps } from 'react';
import { useInbox } from '@/db/hooks';
import { ClipboardIcon, CycleIcon, HomeIcon, InboxIcon, NoteIcon, PeopleIcon, StarIcon, TargetIcon, UserIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

interface Item {
  href: string;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const ITEMS: readonly (Item & { hr?: boolean })[] = [
  { href: '/', label: 'Home', Icon: HomeIcon },
  { href: '/wins', label: 'Wins', Icon: StarIcon },
  // goals (issue 5)
  { href: '/goals', label: 'Goals', Icon: TargetIcon },
  { href: '/notes', label: 'Notes', Icon: NoteIcon },
  // --- reviews (reviews-A) ---
  { href: '/reviews', label: 'Reviews', Icon: ClipboardIcon },
  // --- end reviews ---
  { href: '/people', label: 'People', Icon: PeopleIcon, hr: true },
  // reviews-B
  { href: '/cycles', label: 'Cycles', Icon: CycleIcon, hr: true },
  { href: '/inbox', label: 'Inbox', Icon: InboxIcon },
  { href: '/me', label: 'Me', Icon: UserIcon },
];

const isCurrent = (href: string, path: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

export function BottomNav({ path, isHr }: { path: string; isHr: boolean }) {
  const inbox = useInbox()?.length ?? 0;
  return (
    <nav className="bottom-nav" aria-label="Main">
      <ul>
        {ITEMS.filter((i) => !i.hr || isHr).map(({ href, label, Icon }) => (
          <li key={href}>
            <Link href={href} className="nav-link" aria-current={isCurrent(href, path) ? 'page' : undefined}>
              <span className="nav-icon">
                <Icon />
                {href === '/inbox' && inbox > 0 && (
                  <span className="nav-badge">
                    {inbox}
                    <span className="visually-hidden"> need attention</span>
                  </span>
                )}
              </span>
              <span className="nav-label">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
