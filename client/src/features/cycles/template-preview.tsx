import type { Section } from '@merit/shared/domain/review-template';
import { questionsFor, type Side } from '@merit/shared/domain/template';
import { EmptyState } from '@/ui/screen';

/** The form as one side will see it: only the questions that side answers, read-only. */
export function TemplatePreview({ sections, side }: { sections: readonly Section[]; side: Side }) {
  const shown = questionsFor(sections, side);
  if (shown.length === 0) return <EmptyState title={`Nothing for the ${side === 'self' ? 'employee' : 'manager'} to answer yet`} />;
  return (
    <section className="preview" aria-label={`Preview as ${side === 'self' ? 'employee' : 'manager'}`}>
      {shown.map((s) => (
        <section key={s.id} className="card preview-section">
          <h2 className="section-title">{s.title || 'Untitled section'}</h2>
          {s.kind === 'goals' ? (
            <p className="muted">{s.help || "The reviewee's goals of the cycle's period, with their progress, are listed here."}</p>
          ) : (
            <ol className="preview-questions">
              {s.questions.map((q) => (
                <li key={q.id}>
                  <p className="preview-prompt">
                    {q.prompt || 'Untitled question'}
                    {q.required && <span className="muted"> (required)</span>}
                  </p>
                  {q.kind === 'competency' && (
                    <p className="muted">
                      <strong>{q.competency.name}</strong> {q.competency.description}
                    </p>
                  )}
                  {q.help && <p className="field-hint">{q.help}</p>}
                  {q.kind === 'text' ? (
                    <div className="preview-text" aria-hidden="true" />
                  ) : (
                    <ul className="preview-scale" aria-label="Rating scale">
                      {Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => q.scale.min + i).map((point) => (
                        <li key={point} className="chip">
                          <strong>{point}</strong> {q.scale.labels[point - q.scale.min] ?? ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
