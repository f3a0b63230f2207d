import { useEffect, useState } from 'react';

export type Persistence = 'persistent' | 'best-effort' | 'unknown';

/** Whether the browser promised to keep this site's storage (it may otherwise clear it when space is low). */
export function usePersisted(): Persistence {
  const [state, setState] = useState<Persistence>('unknown');
  useEffect(() => {
    let live = true;
    navigator.storage
      ?.persisted?.()
      .then((p) => live && setState(p ? 'persistent' : 'best-effort'))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return state;
}
