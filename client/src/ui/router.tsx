import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * Navigation on the History API, no library: one `popstate` listener, `navigate()` for code, `<Link>` for
 * people. The route table lives in app/routes.tsx; features only link, so they never import each other.
 */
const NAVIGATE = 'merit:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const getPath = () => window.location.pathname;

export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath, () => '/');
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const next = url.pathname + url.search + url.hash;
  if (next === window.location.pathname + window.location.search + window.location.hash) return;
  // Remember that this entry was reached inside the app, so "back" can safely use history.back().
  if (opts.replace) window.history.replaceState({ inApp: window.history.state?.inApp ?? false }, '', next);
  else window.history.pushState({ inApp: true }, '', next);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** Back to where the person came from inside the app, or to `fallback` when the page was opened directly. */
export function goBack(fallback = '/'): void {
  if (window.history.state?.inApp) window.history.back();
  else navigate(fallback, { replace: true });
}

/** Splits a path into its segments and matches `pattern` (`/people/:id`), returning the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A real link (open in new tab and long-press work) that navigates in-app on a plain click. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

const getSearch = () => window.location.search;

/** The query string (`?tag=a&period=month`), for screens that keep their filters in the URL so back works. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch, () => '');
}
