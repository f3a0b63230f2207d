import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { ExportCard } from './export-card';

const api = vi.hoisted(() => ({ myRecord: vi.fn() }));
vi.mock('@/lib/trpc', () => ({ trpc: { export: { myRecord: { query: api.myRecord } } } }));

const ME = { name: 'Eli Park', email: 'eli@acme.test' };

/** Captures what the card hands to the browser as a download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const createObjectURL = (b: Blob) => {
    blobs.push(b);
    return 'blob:x';
  };
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

async function renderCard() {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  await mutate(db, actor, 'note.create@1', { id: uuidv7(), body: 'Only mine, written offline', date: '2026-11-20' });
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <ExportCard me={ME} />
    </DbProvider>,
  );
  return actor;
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
const bytesOf = (b: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });

const setOnline = (v: boolean) => Object.defineProperty(navigator, 'onLine', { value: v, configurable: true });

afterEach(() => {
  vi.restoreAllMocks();
  setOnline(true);
});

describe('ExportCard', () => {
  it("downloads this device's copy as a ZIP, offline, with the person's notes in it", async () => {
    setOnline(false);
    const { blobs, names } = captureDownloads();
    await renderCard();
    expect(screen.getByRole('button', { name: 'Download the server’s copy' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Downloaded merit-record-\d{4}-\d{2}-\d{2}\.zip$/));
    expect(names[0]).toMatch(/^merit-record-\d{4}-\d{2}-\d{2}\.zip$/);
    const blob = blobs[0];
    if (!blob) throw new Error('no download');
    const entries = unzipSync(await bytesOf(blob));
    const notes = Object.entries(entries).find(([n]) => n.endsWith('/notes.json'));
    expect(JSON.parse(strFromU8(notes?.[1] ?? new Uint8Array()))).toMatchObject([{ body: 'Only mine, written offline' }]);
    expect(api.myRecord).not.toHaveBeenCalled();
  });

  it("downloads the server's copy when online, and shows why when it fails", async () => {
    const { blobs, names } = captureDownloads();
    const actor = await renderCard();
    api.myRecord.mockResolvedValueOnce({
      source: 'server',
      generatedAt: Date.UTC(2026, 10, 23),
      person: { id: actor.personId, ...ME },
      tables: { notes: [{ id: 'n1', body: 'from the server' }] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download the server’s copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Downloaded merit-record-2026-11-23-server.zip'));
    expect(names).toEqual(['merit-record-2026-11-23-server.zip']);
    expect(blobs).toHaveLength(1);
    api.myRecord.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fireEvent.click(screen.getByRole('button', { name: 'Download the server’s copy' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach Merit');
  });
});
