import { useRegisterSW } from 'virtual:pwa-register/react';

const HOUR = 60 * 60 * 1000;

/**
 * A new version is announced, never swapped in under someone mid-edit: it waits until the person taps
 * "Reload". Installed apps can stay open for days, so the service worker is asked hourly, when online.
 */
export function PwaPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
      }, HOUR);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>New version available</span>
      <div className="update-actions">
        <button type="button" className="btn btn-small btn-ghost-inverse" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
        <button type="button" className="btn btn-small btn-inverse" onClick={() => updateServiceWorker(true)}>
          Reload
        </button>
      </div>
    </div>
  );
}
