import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface Figure {
  value: number;
  unit: string;
  floor: number | null;
  target: string | null;
}

const FILE = 'bench/results.json';

/** Merges figures into bench/results.json; scripts/bench.mjs prints the table at the end. */
export function record(figures: Record<string, Figure>): void {
  mkdirSync('bench', { recursive: true });
  let all: Record<string, Figure> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Figure>;
  } catch {
    // first figure of the run
  }
  writeFileSync(FILE, `${JSON.stringify({ ...all, ...figures }, null, 2)}\n`);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/**
 * Runs each measurement in turn, `rounds` times, and pools the samples per measurement: a figure and its
 * floor then see the same load on this shared box instead of one getting a quiet minute and the other a busy one.
 */
export async function interleave<K extends string>(rounds: number, runs: Record<K, () => Promise<number[]>>): Promise<Record<K, number[]>> {
  const keys = Object.keys(runs) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) for (const k of keys) out[k].push(...(await runs[k]()));
  return out;
}
