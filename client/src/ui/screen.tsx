import type { ReactNode } from 'react';

/**
 * A screen's frame: one h1 (focus target after navigation, so screen readers announce the new screen),
 * optional actions beside it, then the content.
 */
export function Screen({ title, actions, children, lead }: { title: string; actions?: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  return (
    <section className="screen">
      <header className="screen-head">
        <h1 className="screen-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      {lead && <p className="screen-lead">{lead}</p>}
      {children}
    </section>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <p className="empty-text">{children}</p>}
      {action}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
