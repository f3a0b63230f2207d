import { today } from '@merit/shared/domain/common';
import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useGoalSummary } from '@/db/goal-hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { FormError, TextArea, TextField } from '@/ui/field';
import { CloseIcon } from '@/ui/icons';
import { useLocalSubmit } from '@/ui/local-submit';
import { goBack } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { type CheckinFormOutput, CheckinFormSchema, type CheckinFormValues, checkinResolver } from './checkin-form-schema';
import { krValue } from './format';

/** A check-in on one screen: the new value (prefilled with the current one), confidence, a note, the day. */
export default function CheckinScreen({ goalId, krId, now }: { goalId: string; krId: string; now?: Date }) {
  const s = useGoalSummary(goalId);
  const k = s?.krs.find((x) => x.kr.id === krId);
  const back = `/goals/${goalId}`;
  return (
    <section className="sheet" aria-labelledby="checkin-title">
      <header className="sheet-head">
        <h1 id="checkin-title" className="sheet-title" tabIndex={-1}>
          Check in
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack(back)} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {s === undefined ? (
        <Spinner label="Loading key result" />
      ) : !s || !k ? (
        <EmptyState title="Key result not found">It may have been removed on another device.</EmptyState>
      ) : (
        <CheckinForm
          goalId={goalId}
          krId={krId}
          title={k.kr.title}
          goalTitle={s.goal.title}
          kind={k.kr.kind}
          unit={k.kr.unit}
          current={k.current}
          target={k.kr.target}
          confidence={k.latestConfidence ?? 5}
          back={back}
          now={now}
        />
      )}
    </section>
  );
}

interface FormProps {
  goalId: string;
  krId: string;
  title: string;
  goalTitle: string;
  kind: 'number' | 'percent' | 'currency' | 'done';
  unit: string;
  current: number;
  target: number;
  confidence: number;
  back: string;
  now?: Date | undefined;
}

function CheckinForm({ goalId, krId, title, goalTitle, kind, unit, current, target, confidence, back, now }: FormProps) {
  const mutate = useMutate();
  const toast = useToast();
  const [formError, setFormError] = useState<string>();
  const form = useForm<CheckinFormValues, unknown, CheckinFormOutput>({
    resolver: checkinResolver,
    defaultValues: { value: String(current), confidence: String(confidence), note: '', date: today(now) },
  });
  const {
    register,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const shownConfidence = watch('confidence');

  // Saved first, re-rendered after: nothing renders between the tap and the local commit.
  const submit = useLocalSubmit(form, CheckinFormSchema, async (v) => {
    try {
      const r = await mutate('checkin.create@1', { id: uuidv7(), goalId, krId, ...v });
      if (!r.ok) {
        setFormError(describeError(r.error));
        return;
      }
    } catch (e) {
      setFormError(describeError(e));
      return;
    }
    goBack(back);
    toast('Check-in saved');
  });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="checkin-context">
        <p className="muted">{goalTitle}</p>
        <p className="checkin-kr">{title}</p>
        <p className="muted">
          Now {krValue({ kind, unit }, current)}
          {kind !== 'done' && ` · target ${krValue({ kind, unit }, target)}`}
        </p>
      </div>
      {kind === 'done' ? (
        <fieldset className="field radio-group">
          <legend className="field-label">Is it done?</legend>
          <label className="radio">
            <input type="radio" value="1" {...register('value')} />
            <span>Done</span>
          </label>
          <label className="radio">
            <input type="radio" value="0" {...register('value')} />
            <span>Not yet</span>
          </label>
        </fieldset>
      ) : (
        <TextField
          label={kind === 'percent' ? 'New value (%)' : unit ? `New value (${unit})` : 'New value'}
          inputMode="decimal"
          autoFocus
          autoComplete="off"
          enterKeyHint="done"
          error={errors.value?.message}
          {...register('value')}
        />
      )}
      <div className={`field${errors.confidence ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor="checkin-confidence">
          Confidence: <output htmlFor="checkin-confidence">{shownConfidence}</output>/10
        </label>
        <input
          id="checkin-confidence"
          className="range"
          type="range"
          min={0}
          max={10}
          step={1}
          aria-describedby="checkin-confidence-hint"
          {...register('confidence')}
        />
        <p className="field-hint" id="checkin-confidence-hint">
          How sure are you that this key result will reach its target? 0 not at all, 10 certain.
        </p>
        {errors.confidence && <p className="field-error">{errors.confidence.message}</p>}
      </div>
      <TextArea
        label="Note"
        rows={2}
        placeholder="What moved it (optional)"
        maxLength={LIMITS.noteMax}
        error={errors.note?.message}
        {...register('note')}
      />
      <TextField label="Date" type="date" error={errors.date?.message} {...register('date')} />
      <FormError>{formError}</FormError>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          Save check-in
        </button>
        <button type="button" className="btn btn-ghost btn-block" onClick={() => goBack(back)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
