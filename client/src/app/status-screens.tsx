import { MeritMark } from '@/ui/icons';
import { Link } from '@/ui/router';
import { Screen } from '@/ui/screen';

/** While the first answer from the server is on its way (only on a device that has never signed in). */
export function Splash() {
  return (
    <main className="splash" aria-busy="true">
      <MeritMark width={64} height={64} />
      <p className="visually-hidden" role="status">
        Loading Merit
      </p>
    </main>
  );
}

/** First visit with no network: nothing to open yet. */
export function Unreachable({ onRetry }: { onRetry(): void }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <MeritMark width={56} height={56} className="auth-mark" />
        <h1 className="auth-title">Cannot reach Merit</h1>
        <p className="auth-lead">
          Signing in the first time needs a connection. After that, Merit opens and works on this device without one.
        </p>
        <button type="button" className="btn btn-primary btn-block" onClick={onRetry}>
          Try again
        </button>
      </div>
    </main>
  );
}

export function NotFound() {
  return (
    <Screen title="Page not found" lead="There is nothing at this address.">
      <Link href="/" className="btn btn-secondary">
        Go to the start
      </Link>
    </Screen>
  );
}
