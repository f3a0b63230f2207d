import { uuidv7 } from '@merit/shared/ids';
import { useWinTags } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { CloseIcon } from '@/ui/icons';
import { goBack, useSearch } from '@/ui/router';
import { useToast } from '@/ui/toast';
import { WinForm } from './win-form';
import type { WinFormOutput } from './win-form-schema';

/** "Log a win" as a sheet over the app: saved locally at once, synced after. */
export function LogWinScreen() {
  const mutate = useMutate();
  const tags = useWinTags();
  const toast = useToast();
  // "Log a win for this goal" opens this sheet as /wins/new?goal=<id>: the win is linked to that goal.
  const goalId = new URLSearchParams(useSearch()).get('goal');

  const save = async (win: WinFormOutput): Promise<string | undefined> => {
    try {
      const r = await mutate('win.create@1', { id: uuidv7(), ...win, ...(goalId ? { goalId } : {}) });
      if (!r.ok) return describeError(r.error);
    } catch (e) {
      return describeError(e);
    }
    goBack('/');
    toast('Win saved');
    return undefined;
  };

  return (
    <section className="sheet" aria-labelledby="log-win-title">
      <header className="sheet-head">
        <h1 id="log-win-title" className="sheet-title" tabIndex={-1}>
          Log a win
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack('/')} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {goalId && <p className="notice notice-ok">This win will be linked to the goal you came from.</p>}
      <WinForm onSave={save} onCancel={() => goBack('/')} suggestions={tags} />
    </section>
  );
}
