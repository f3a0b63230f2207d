import type { Answer, Question } from '@merit/shared/domain/review-template';
import { useEffect, useId, useRef, useState } from 'react';
import { CloseIcon } from '@/ui/icons';

/** "4 · Exceeds" for a rating on the question's scale. */
export function ratingWords(q: Question, rating: number | null | undefined): string {
  if (q.kind === 'text' || typeof rating !== 'number') return '';
  const label = q.scale.labels[rating - q.scale.min];
  return label ? `${rating} · ${label}` : String(rating);
}

export interface CiteView {
  table: string;
  id: string;
  title: string;
}

interface Props {
  question: Question;
  answer: Answer | undefined;
  /** Titles of the cited items (an item this device does not hold shows as "Cited item"). */
  cites: CiteView[];
  /** `base` is the text the typing started from, for the server's merge (S50). */
  onSave(patch: Answer, debounce?: boolean, base?: string): void;
  onFlush(): void;
  onFocus?(): void;
  current?: boolean;
}

/** One question of a review: a rating with labelled points, a competency (the same, with its description), or text. */
export function QuestionField({ question: q, answer, cites, onSave, onFlush, onFocus, current }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(answer?.text ?? '');
  // The text the field's content was typed over: the row's when the field took it, then what was last saved.
  const base = useRef(answer?.text ?? '');
  // The rating shows at once; the stored row follows a moment later (mutate, then the live query).
  const [rating, setRating] = useState(answer?.rating);
  useEffect(() => setRating(answer?.rating), [answer?.rating]);
  // Text from elsewhere (a pull, another device) replaces the field only while the person is not typing in it.
  useEffect(() => {
    if (document.activeElement !== area.current) {
      setText(answer?.text ?? '');
      base.current = answer?.text ?? '';
    }
  }, [answer?.text]);
  const removeCite = (c: CiteView) => onSave({ cites: (answer?.cites ?? []).filter((x) => !(x.id === c.id && x.table === c.table)) });
  const help = q.kind === 'competency' ? q.competency.description || q.help : q.help;

  return (
    <div className={`question${current ? ' question-current' : ''}`}>
      {q.kind === 'text' ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-t`}>
            {q.prompt}
            {q.required && <span className="required-mark"> (required)</span>}
          </label>
          {help && (
            <p className="field-hint" id={`${id}-h`}>
              {help}
            </p>
          )}
          <textarea
            id={`${id}-t`}
            ref={area}
            className="input textarea"
            value={text}
            aria-describedby={help ? `${id}-h` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              onSave({ text: e.target.value }, true, base.current);
              base.current = e.target.value;
            }}
            onFocus={onFocus}
            onBlur={onFlush}
          />
        </div>
      ) : (
        <fieldset className="field rating">
          <legend className="field-label">
            {q.kind === 'competency' ? q.competency.name : q.prompt}
            {q.required && <span className="required-mark"> (required)</span>}
          </legend>
          {q.kind === 'competency' && q.prompt !== q.competency.name && <p className="question-prompt">{q.prompt}</p>}
          {help && <p className="field-hint">{help}</p>}
          <div className="rating-points">
            {Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => q.scale.min + i).map((v) => (
              <label key={v} className="rating-point">
                <input
                  type="radio"
                  name={`${id}-r`}
                  value={v}
                  checked={rating === v}
                  onFocus={onFocus}
                  onChange={() => {
                    setRating(v);
                    onSave({ rating: v });
                  }}
                />
                <span className="rating-value">{v}</span>
                <span className="rating-label">{q.scale.labels[v - q.scale.min] ?? ''}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {cites.length > 0 && (
        <ul className="chip-row cite-list" aria-label={`Evidence cited for "${q.prompt}"`}>
          {cites.map((c) => (
            <li key={`${c.table}:${c.id}`} className="cite-chip">
              <span>{c.title}</span>
              <button type="button" className="cite-remove" aria-label={`Remove ${c.title}`} onClick={() => removeCite(c)}>
                <CloseIcon width={14} height={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A question answered, read-only: the rating in words and the text, with what it cites. */
export function AnswerView({
  question: q,
  answer,
  cites,
  who,
}: {
  question: Question;
  answer: Answer | undefined;
  cites: CiteView[];
  who: string;
}) {
  const rating = ratingWords(q, answer?.rating);
  const text = answer?.text?.trim() ?? '';
  return (
    <div className="answer-view">
      <p className="answer-who">{who}</p>
      {!rating && !text ? <p className="answer-empty">No answer</p> : null}
      {rating && <p className="answer-rating">{rating}</p>}
      {text && <p className="answer-text">{text}</p>}
      {cites.length > 0 && (
        <ul className="chip-row cite-list" aria-label={`Evidence ${who.toLowerCase()} cited`}>
          {cites.map((c) => (
            <li key={`${c.table}:${c.id}`} className="cite-chip">
              <span>{c.title}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
