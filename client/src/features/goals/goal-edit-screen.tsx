import type { Goal } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import { useRef } from 'react';
import { useGoal } from '@/db/goal-hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { CloseIcon } from '@/ui/icons';
import { goBack, navigate } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { GoalForm } from './goal-form';
import { type GoalFormOutput, goalToValues, valuesToGoal } from './goal-form-schema';
import { useGoalDirectory } from './use-online-lists';

type Mode = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'propose'; ownerId: string };

const TITLES = { new: 'New goal', edit: 'Edit goal', propose: 'Propose a goal' } as const;

/** Create, edit or propose a goal, as a sheet over the app: saved on the device at once, synced after. */
export default function GoalEditScreen({ mode }: { mode: Mode }) {
  const mutate = useMutate();
  const toast = useToast();
  const parents = useGoalDirectory();
  const existing = useGoal(mode.kind === 'edit' ? mode.id : '');
  // The goal as the form opened it: the base of the merges (S16, S21). The live row may change under the open
  // form when a sync lands, and that newer row must not pass for what the person edited from.
  const opened = useRef<Goal | null>(null);
  if (existing && opened.current === null) opened.current = existing;
  const back = mode.kind === 'edit' ? `/goals/${mode.id}` : mode.kind === 'propose' ? `/team/${mode.ownerId}` : '/goals';

  const save = async (v: GoalFormOutput): Promise<string | undefined> => {
    const fields = valuesToGoal(v);
    try {
      if (mode.kind === 'edit') {
        const from = opened.current;
        if (!existing || !from) return 'This goal is no longer on this device.';
        // Editing a proposal is accepting it with changes: one step, as the report sees it.
        const r =
          existing.status === 'proposed'
            ? await mutate('goal.accept@1', { id: mode.id, patch: fields })
            : await mutate('goal.update@1', {
                id: mode.id,
                patch: fields,
                base: { description: from.description, keyResults: from.keyResults },
              });
        if (!r.ok) return describeError(r.error);
        goBack(back);
        toast(existing.status === 'proposed' ? 'Goal accepted' : 'Goal saved');
        return undefined;
      }
      const id = uuidv7();
      if (mode.kind === 'propose') {
        const visibility = fields.visibility === 'private' ? 'manager' : fields.visibility;
        const r = await mutate('goal.propose@1', { id, ownerId: mode.ownerId, ...fields, visibility });
        if (!r.ok) return describeError(r.error);
        goBack(back);
        toast('Goal proposed');
        return undefined;
      }
      const r = await mutate('goal.create@1', { id, ...fields });
      if (!r.ok) return describeError(r.error);
      navigate(`/goals/${id}`, { replace: true });
      toast('Goal saved');
      return undefined;
    } catch (e) {
      return describeError(e);
    }
  };

  const title = TITLES[mode.kind];
  return (
    <section className="sheet" aria-labelledby="goal-edit-title">
      <header className="sheet-head">
        <h1 id="goal-edit-title" className="sheet-title" tabIndex={-1}>
          {title}
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack(back)} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {mode.kind === 'edit' && existing === undefined ? (
        <Spinner label="Loading goal" />
      ) : mode.kind === 'edit' && existing === null ? (
        <EmptyState title="Goal not found">It may have been deleted on another device.</EmptyState>
      ) : (
        <GoalForm
          initial={opened.current ? goalToValues(opened.current) : undefined}
          onSave={save}
          onCancel={() => goBack(back)}
          submitLabel={mode.kind === 'propose' ? 'Propose goal' : existing?.status === 'proposed' ? 'Accept with changes' : 'Save goal'}
          parents={parents.filter((p) => mode.kind !== 'edit' || p.id !== mode.id)}
          allowPrivate={mode.kind !== 'propose'}
        />
      )}
    </section>
  );
}
