import { DEFAULT_ACHIEVEMENT_THRESHOLD } from '@merit/shared/domain/progress';
import type { Me } from '@/lib/me';

/**
 * The signed-in person, remembered on this device so the app opens fully offline after the first visit.
 * It is only a hint of who was here: the server decides on every request; sign-out removes it.
 */
const KEY = 'merit.me';

function isMe(v: unknown): v is Me {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.id === 'string' && typeof m.name === 'string' && typeof m.email === 'string' && (m.role === 'employee' || m.role === 'hr')
  );
}

export function readMe(): Me | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!isMe(v)) return null;
    // Remembered by an older version, before the threshold was part of Me: the default until the next sign-in.
    return typeof v.achievementThreshold === 'number' ? v : { ...v, achievementThreshold: DEFAULT_ACHIEVEMENT_THRESHOLD };
  } catch {
    return null;
  }
}

export function writeMe(me: Me): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(me));
  } catch {
    // Storage full or blocked: the app still works online, it just cannot open offline next time.
  }
}

export function clearMe(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {}
}

const PERSIST_KEY = 'merit.persistAsked';

/** Asks once per sign-in for storage the browser will not clear under pressure (Safari, Firefox prompt). */
export function askPersistOnce(): void {
  try {
    if (localStorage.getItem(PERSIST_KEY)) return;
    localStorage.setItem(PERSIST_KEY, '1');
  } catch {}
  void navigator.storage?.persist?.().catch(() => false);
}

export function resetPersistAsk(): void {
  try {
    localStorage.removeItem(PERSIST_KEY);
  } catch {}
}
