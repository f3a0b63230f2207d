import type { Question, Section } from '@merit/shared/domain/review-template';
import { blankQuestion } from '@merit/shared/domain/template';
import { uuidv7 } from '@merit/shared/ids';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, TextArea, TextField } from '@/ui/field';
import { navigate } from '@/ui/router';
import { Screen } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { KIND_WORDS } from './labels';
import { QuestionEditor } from './question-editor';
import { TemplatePreview } from './template-preview';
import { KEYS, useBank } from './use-cycles';

export interface Draft {
  id: string | null;
  name: string;
  description: string;
  sections: Section[];
  frozen: boolean;
}

const move = <T,>(xs: readonly T[], i: number, d: -1 | 1): T[] => {
  const out = [...xs];
  const j = i + d;
  const a = out[i];
  const b = out[j];
  if (a === undefined || b === undefined) return out;
  out[i] = b;
  out[j] = a;
  return out;
};

/** "sections.1.questions.0.prompt is required" -> "Section 2, question 1: prompt is required". */
export function friendlyField(message: string): string {
  return message.replace(/sections\.(\d+)(?:\.questions\.(\d+))?\.?/g, (_, s: string, q?: string) =>
    q === undefined ? `Section ${Number(s) + 1}: ` : `Section ${Number(s) + 1}, question ${Number(q) + 1}: `,
  );
}

type Tab = 'build' | 'self' | 'manager';

/** Sections and questions of the three kinds, reorder, the question bank, and a preview per side. */
export function TemplateBuilder({ initial }: { initial: Draft }) {
  const [d, setD] = useState(initial);
  const [tab, setTab] = useState<Tab>('build');
  const [bankPick, setBankPick] = useState('');
  const qc = useQueryClient();
  const toast = useToast();
  const bank = useBank();
  const readOnly = d.frozen;
  const save = useMutation({
    mutationFn: () =>
      d.id
        ? trpc.templates.update.mutate({ id: d.id, name: d.name, description: d.description, sections: d.sections })
        : trpc.templates.create.mutate({ name: d.name, description: d.description, sections: d.sections }),
    onSuccess: async (t) => {
      await qc.invalidateQueries({ queryKey: KEYS.templates });
      toast('Template saved');
      if (!d.id) navigate(`/cycles/templates/${t.id}`, { replace: true });
      setD((x) => ({ ...x, id: t.id }));
    },
  });
  const duplicate = useMutation({
    mutationFn: (id: string) => trpc.templates.duplicate.mutate({ id }),
    onSuccess: async (t) => {
      await qc.invalidateQueries({ queryKey: KEYS.templates });
      navigate(`/cycles/templates/${t.id}`);
    },
  });
  const toBank = useMutation({
    mutationFn: (question: Question) => trpc.questionBank.add.mutate({ question }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: KEYS.bank });
      toast('Saved to the question bank');
    },
  });

  const setSection = (i: number, s: Section) => setD((x) => ({ ...x, sections: x.sections.map((y, j) => (j === i ? s : y)) }));
  const setQuestions = (i: number, f: (qs: Question[]) => Question[]) => {
    const s = d.sections[i];
    if (s?.kind === 'questions') setSection(i, { ...s, questions: f(s.questions) });
  };
  const addSection = (kind: Section['kind']) =>
    setD((x) => ({
      ...x,
      sections: [
        ...x.sections,
        kind === 'goals'
          ? { id: uuidv7(), kind, title: 'Goals' }
          : { id: uuidv7(), kind, title: '', questions: [blankQuestion(uuidv7(), 'rating')] },
      ],
    }));
  const fromBank = (i: number) => {
    const picked = bank.data?.find((b) => b.id === bankPick)?.question;
    // A fresh id: the same bank question may be used twice, and answers are keyed by question id.
    if (picked) setQuestions(i, (qs) => [...qs, { ...picked, id: uuidv7() }]);
  };
  const error = save.error ?? duplicate.error ?? toBank.error;

  return (
    <Screen
      title={d.id ? (readOnly ? 'Template (in use)' : 'Edit template') : 'New template'}
      actions={
        readOnly ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => d.id && duplicate.mutate(d.id)}
            disabled={duplicate.isPending}
          >
            Duplicate to edit
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-small" onClick={() => save.mutate()} disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save template'}
          </button>
        )
      }
    >
      <div className="hr-wide">
        {readOnly && <p className="notice">A launched cycle uses this template, so it is frozen. Duplicate it to make changes.</p>}
        <FormError>{error ? friendlyField(describeError(error)) : null}</FormError>
        <div className="view-tabs" role="tablist" aria-label="Template views">
          {(
            [
              ['build', 'Build'],
              ['self', 'Preview as employee'],
              ['manager', 'Preview as manager'],
            ] as const
          ).map(([t, label]) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className="view-tab" onClick={() => setTab(t)}>
              {label}
            </button>
          ))}
        </div>
        {tab !== 'build' ? (
          <TemplatePreview sections={d.sections} side={tab} />
        ) : (
          <fieldset className="form builder" disabled={readOnly}>
            <legend className="visually-hidden">Template</legend>
            <TextField label="Name" value={d.name} maxLength={120} onChange={(e) => setD({ ...d, name: e.target.value })} />
            <TextArea
              label="Description (optional)"
              rows={2}
              value={d.description}
              maxLength={1000}
              onChange={(e) => setD({ ...d, description: e.target.value })}
            />
            {d.sections.map((s, i) => (
              <section key={s.id} className="builder-section" aria-label={`Section ${i + 1}`}>
                <div className="builder-section-head">
                  <TextField
                    label={`Section ${i + 1} title${s.kind === 'goals' ? ' (goals)' : ''}`}
                    value={s.title}
                    maxLength={120}
                    onChange={(e) => setSection(i, { ...s, title: e.target.value })}
                  />
                  <div className="q-editor-tools">
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={i === 0}
                      onClick={() => setD({ ...d, sections: move(d.sections, i, -1) })}
                    >
                      ↑<span className="visually-hidden"> Move section {i + 1} up</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={i === d.sections.length - 1}
                      onClick={() => setD({ ...d, sections: move(d.sections, i, 1) })}
                    >
                      ↓<span className="visually-hidden"> Move section {i + 1} down</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      onClick={() => setD({ ...d, sections: d.sections.filter((_, j) => j !== i) })}
                    >
                      Remove section<span className="visually-hidden"> {i + 1}</span>
                    </button>
                  </div>
                </div>
                {s.kind === 'goals' ? (
                  <p className="muted">Lists the reviewee&apos;s goals of the cycle&apos;s period with their progress.</p>
                ) : (
                  <>
                    {s.questions.map((q, qi) => (
                      <QuestionEditor
                        key={q.id}
                        q={q}
                        index={qi}
                        count={s.questions.length}
                        readOnly={readOnly}
                        onChange={(nq) => setQuestions(i, (qs) => qs.map((x, j) => (j === qi ? nq : x)))}
                        onMove={(delta) => setQuestions(i, (qs) => move(qs, qi, delta))}
                        onRemove={() => setQuestions(i, (qs) => qs.filter((_, j) => j !== qi))}
                        onSaveToBank={() => toBank.mutate(q)}
                      />
                    ))}
                    <div className="card-actions">
                      {(['rating', 'competency', 'text'] as const).map((k) => (
                        <button
                          key={k}
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => setQuestions(i, (qs) => [...qs, blankQuestion(uuidv7(), k)])}
                        >
                          + {KIND_WORDS[k]}
                          <span className="visually-hidden"> question in section {i + 1}</span>
                        </button>
                      ))}
                      {(bank.data?.length ?? 0) > 0 && (
                        <span className="bank-pick">
                          <label className="visually-hidden" htmlFor={`bank-${s.id}`}>
                            Question from the bank
                          </label>
                          <select
                            id={`bank-${s.id}`}
                            className="input select"
                            value={bankPick}
                            onChange={(e) => setBankPick(e.target.value)}
                          >
                            <option value="">From the question bank…</option>
                            {bank.data?.map((b) => (
                              <option key={b.id} value={b.id}>
                                {b.question.prompt}
                              </option>
                            ))}
                          </select>
                          <button type="button" className="btn btn-secondary btn-small" disabled={!bankPick} onClick={() => fromBank(i)}>
                            Add<span className="visually-hidden"> from the bank to section {i + 1}</span>
                          </button>
                        </span>
                      )}
                    </div>
                  </>
                )}
              </section>
            ))}
            <div className="card-actions">
              <button type="button" className="btn btn-secondary" onClick={() => addSection('questions')}>
                + Questions section
              </button>
              {!d.sections.some((s) => s.kind === 'goals') && (
                <button type="button" className="btn btn-secondary" onClick={() => addSection('goals')}>
                  + Goals section
                </button>
              )}
            </div>
          </fieldset>
        )}
      </div>
    </Screen>
  );
}
