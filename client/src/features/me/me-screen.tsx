import { useState } from 'react';
import { useDb } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { useSyncStatus } from '@/sync/engine';
import { signOutAndWipe } from '@/sync/session';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { formatAgo, plural } from '@/ui/format';
import { Screen } from '@/ui/screen';
import { ExportCard } from './export-card';
import { PushToggle } from './push-toggle';
import { usePersisted } from './use-persisted';

export interface MeInfo {
  name: string;
  email: string;
  role: 'employee' | 'hr';
  orgName: string;
  department: string;
}

const PHASE_WORDS = {
  idle: 'Up to date',
  syncing: 'Syncing now',
  offline: 'Offline: changes wait on this device',
  error: 'Could not sync',
  'signed-out': 'Session ended: sign in to sync',
  'update-required': 'Reload to update',
} as const;

/** Who is signed in, how sync stands, and signing out (which deletes this device's copy). */
export default function MeScreen({ me, onSignedOut }: { me: MeInfo; onSignedOut(warning?: string): void }) {
  const { db, actor, engine } = useDb();
  const sync = useSyncStatus();
  const persisted = usePersisted();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    engine.stop();
    try {
      let providerLogout: string | null = null;
      await signOutAndWipe(db, actor.personId, async () => {
        providerLogout = (await trpc.auth.signOut.mutate()).endSessionUrl ?? null;
      });
      onSignedOut();
      // Signed in through the company's provider: end that session too (RP-initiated logout).
      if (providerLogout) window.location.assign(providerLogout);
    } catch (e) {
      // This device's copy is wiped already; only the server session may outlive it.
      onSignedOut(`Signed out on this device, but the server did not confirm: ${describeError(e)}`);
    }
  };

  return (
    <Screen title="Me">
      <div className="stack">
        <section className="card">
          <p className="person-name">{me.name}</p>
          <p className="person-email">{me.email}</p>
          <dl className="person-facts">
            <div>
              <dt>Organisation</dt>
              <dd>{me.orgName}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{me.role === 'hr' ? 'HR admin' : 'Employee'}</dd>
            </div>
            {me.department && (
              <div>
                <dt>Department</dt>
                <dd>{me.department}</dd>
              </div>
            )}
          </dl>
        </section>

        <PushToggle />

        <h2 className="section-title">Sync</h2>
        <section className="card">
          <dl className="person-facts">
            <div>
              <dt>Status</dt>
              <dd>{PHASE_WORDS[sync.phase]}</dd>
            </div>
            <div>
              <dt>Last sync</dt>
              <dd>{sync.lastSyncedAt ? formatAgo(sync.lastSyncedAt) : 'Not yet'}</dd>
            </div>
            <div>
              <dt>Waiting to sync</dt>
              <dd>{sync.pending === 0 ? 'Nothing' : plural(sync.pending, 'change')}</dd>
            </div>
            <div>
              <dt>Storage</dt>
              <dd>
                {persisted === 'persistent'
                  ? 'Kept by this browser'
                  : persisted === 'best-effort'
                    ? 'May be cleared when the device runs low on space'
                    : 'Unknown'}
              </dd>
            </div>
          </dl>
          {sync.error && sync.phase !== 'idle' && <p className="field-hint">{sync.error}</p>}
          <button type="button" className="btn btn-secondary btn-block" onClick={sync.retry} disabled={sync.phase === 'syncing'}>
            Sync now
          </button>
        </section>
        <p className="field-hint">On iPhone, add Merit to your Home Screen so Safari keeps your data.</p>

        <h2 className="section-title">Your data</h2>
        <ExportCard me={me} />

        <button
          type="button"
          className="btn btn-danger-outline btn-block"
          disabled={busy}
          onClick={() => (sync.pending > 0 ? setConfirm(true) : signOut())}
        >
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      {confirm && (
        <ConfirmDialog
          title="Sign out and lose unsynced changes?"
          confirmLabel="Sign out anyway"
          danger
          busy={busy}
          onConfirm={signOut}
          onCancel={() => setConfirm(false)}
        >
          {plural(sync.pending, 'change')} {sync.pending === 1 ? 'is' : 'are'} not synced yet. Signing out deletes Merit's data from this
          device, so {sync.pending === 1 ? 'it' : 'they'} will be lost. Stay signed in and go online to sync first.
        </ConfirmDialog>
      )}
    </Screen>
  );
}
