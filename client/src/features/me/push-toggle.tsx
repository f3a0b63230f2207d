import { useEffect, useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';

type State = 'unsupported' | 'loading' | 'off' | 'on' | 'blocked';

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The server's VAPID key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.ready;
  return reg.pushManager.getSubscription();
}

/**
 * Notifications on this device, per device: asks the browser's permission, subscribes with the server's
 * key and hands the subscription to the server; off unsubscribes both. E-mail still comes when SMTP is set.
 */
export function PushToggle() {
  const [state, setState] = useState<State>(supported() ? 'loading' : 'unsupported');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!supported()) return;
    if (Notification.permission === 'denied') return setState('blocked');
    let live = true;
    currentSubscription()
      .then((s) => live && setState(s ? 'on' : 'off'))
      .catch(() => live && setState('off'));
    return () => {
      live = false;
    };
  }, []);

  const turnOn = async () => {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return setState(permission === 'denied' ? 'blocked' : 'off');
    const { publicKey } = await trpc.push.config.query();
    const reg = await navigator.serviceWorker.ready;
    const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    const json = sub.toJSON();
    await trpc.push.subscribe.mutate({ endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } });
    setState('on');
  };
  const turnOff = async () => {
    const sub = await currentSubscription();
    if (sub) {
      await trpc.push.unsubscribe.mutate({ endpoint: sub.endpoint });
      await sub.unsubscribe();
    }
    setState('off');
  };
  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await (on ? turnOn() : turnOff());
    } catch (e) {
      setError(`Could not change notifications: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 id="push-title" className="section-title">
        Notifications on this device
      </h2>
      <section className="card stack" aria-labelledby="push-title">
        {state === 'unsupported' ? (
          <p className="token-meta">This browser cannot show notifications from Merit. On iPhone, add Merit to the home screen first.</p>
        ) : (
          <label className="switch-row">
            <span>Reminders, reviews to write, sign-offs, feedback and goals at risk</span>
            <input
              type="checkbox"
              checked={state === 'on'}
              disabled={busy || state === 'loading' || state === 'blocked'}
              onChange={(e) => void toggle(e.target.checked)}
            />
          </label>
        )}
        {state === 'blocked' && <p className="token-meta">Notifications are blocked for Merit in this browser’s settings.</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <p className="token-meta">
          Each phone or computer is set on its own. E-mail reminders still come when your organisation sends them.
        </p>
      </section>
    </>
  );
}
