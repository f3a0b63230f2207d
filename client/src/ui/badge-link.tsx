import type { ComponentType, SVGProps } from 'react';
import { Link } from './router';

interface Props {
  href: string;
  /** The link's name without a count ("Inbox"). */
  label: string;
  count: number;
  /** What the count is, said after it ("unread", "need attention"). */
  countWords: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

/** A top-bar icon link with a count badge; the count is in the link's name, the badge itself is for the eye. */
export function BadgeLink({ href, label, count, countWords, Icon }: Props) {
  return (
    <Link href={href} className="icon-btn bell" aria-label={count > 0 ? `${label}, ${count} ${countWords}` : label}>
      <Icon />
      {count > 0 && (
        <span className="nav-badge bell-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
