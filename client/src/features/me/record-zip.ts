import { today } from '@merit/shared/domain/common';
import { type MyRecord, recordFiles } from '@merit/shared/domain/my-record';
import { TABLES } from '@merit/shared/mutations';

/** `merit-record-2026-11-23`: the ZIP's name and the folder inside it, so unzipping never scatters files. */
export const recordName = (record: MyRecord) =>
  `merit-record-${today(new Date(record.generatedAt))}${record.source === 'server' ? '-server' : ''}`;

/**
 * The record as a ZIP: person.json, then a JSON and a CSV file per synced table. fflate is loaded here, on
 * first use, so it never weighs on the first page load.
 */
export async function zipRecord(record: MyRecord): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const folder = recordName(record);
  const files: Record<string, Uint8Array> = {};
  for (const f of recordFiles(record, TABLES)) files[`${folder}/${f.name}`] = strToU8(f.text);
  return zipSync(files, { level: 6, mtime: new Date(record.generatedAt) });
}

/** Hands bytes to the browser as a download. */
export function saveFile(bytes: Uint8Array, filename: string, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
