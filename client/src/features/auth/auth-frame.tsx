import type { ReactNode } from 'react';
import { MeritMark } from '@/ui/icons';

/** The calm frame of the signed-out screens: the mark, a heading, one form. */
export function AuthFrame({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth">
      <div className="auth-card">
        <MeritMark width={56} height={56} className="auth-mark" />
        <h1 className="auth-title" tabIndex={-1}>
          {title}
        </h1>
        {lead && <div className="auth-lead">{lead}</div>}
        {children}
      </div>
    </div>
  );
}
