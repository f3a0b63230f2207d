import { Link } from '@/ui/router';

/** The two halves of Notes as a segmented control of links: each is a page with its own URL (back works). */
export function NotesTabs({ current }: { current: 'notes' | 'feedback' }) {
  return (
    <nav className="segmented" aria-label="Notes sections">
      <Link href="/notes" className="segment" aria-current={current === 'notes' ? 'page' : undefined}>
        My notes
      </Link>
      <Link href="/notes/feedback" className="segment" aria-current={current === 'feedback' ? 'page' : undefined}>
        Feedback
      </Link>
    </nav>
  );
}
