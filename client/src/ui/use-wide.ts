import { useSyncExternalStore } from 'react';

/** The laptop layout starts at 1024 px (side navigation, dense tables); below it, the phone layout. */
export const WIDE_QUERY = '(min-width: 1024px)';

const subscribe = (onChange: () => void) => {
  const m = window.matchMedia?.(WIDE_QUERY);
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
};

export const useWide = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(WIDE_QUERY).matches ?? false,
    () => false,
  );
