import { useSyncExternalStore } from 'react';

function subscribe(fn: () => void): () => void {
  window.addEventListener('online', fn);
  window.addEventListener('offline', fn);
  return () => {
    window.removeEventListener('online', fn);
    window.removeEventListener('offline', fn);
  };
}

/** What the browser believes about the network. "Online" may still be a dead Wi-Fi: sync status says the rest. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Re-renders every `ms` so "2 min ago" stays true while the screen is open. */
export function useNow(ms = 30_000): number {
  return useSyncExternalStore(
    (fn) => {
      const t = setInterval(fn, ms);
      return () => clearInterval(t);
    },
    () => Math.floor(Date.now() / ms) * ms,
    () => 0,
  );
}
