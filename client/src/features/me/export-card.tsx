import type { MyRecord } from '@merit/shared/domain/my-record';
import { useState } from 'react';
import { useDb } from '@/db/hooks';
import { readOwnRecord } from '@/db/record';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { DownloadIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { useOnline } from '@/ui/use-online';
import { recordName, saveFile, zipRecord } from './record-zip';

type Busy = 'device' | 'server' | null;

/**
 * "Download my data": everything of the person's own, as a ZIP of JSON and CSV, from this device (works
 * offline), or the server's authoritative copy when online; plus a printable page.
 */
export function ExportCard({ me }: { me: { name: string; email: string } }) {
  const { db } = useDb();
  const online = useOnline();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const download = async (from: Exclude<Busy, null>) => {
    setBusy(from);
    setError(undefined);
    setDone(undefined);
    try {
      const record: MyRecord = from === 'device' ? await readOwnRecord(db, me) : await trpc.export.myRecord.query();
      const name = `${recordName(record)}.zip`;
      saveFile(await zipRecord(record), name);
      setDone(`Downloaded ${name}`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card export-card" aria-labelledby="export-title">
      <h3 id="export-title" className="export-title">
        Download my data
      </h3>
      <p className="field-hint">
        Your wins, notes, feedback and everything else of yours, as JSON and CSV files in one ZIP. Made on this device, so it works offline.
      </p>
      <div className="export-actions">
        <button type="button" className="btn btn-primary btn-block" disabled={busy !== null} onClick={() => download('device')}>
          <DownloadIcon width={20} height={20} /> {busy === 'device' ? 'Preparing…' : 'Download my data'}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-block"
          disabled={busy !== null || !online}
          onClick={() => download('server')}
        >
          {busy === 'server' ? 'Preparing…' : 'Download the server’s copy'}
        </button>
        {!online && <p className="field-hint">The server’s copy needs a connection.</p>}
        <Link href="/me/record" className="btn btn-ghost btn-block">
          Open printable page
        </Link>
      </div>
      <p className="export-status" role="status">
        {done}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
