import { today } from '@merit/shared/domain/common';
import { NoteFields } from '@merit/shared/domain/note';
import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { useToast } from '@/ui/toast';
import { splitTags } from './tags';

/**
 * Quick capture: type, save. The first line becomes nothing special (no title needed); `#words` in the text
 * become tags, so "1:1 with Sam #career" is one step.
 */
export function NoteQuick({ now }: { now?: Date }) {
  const mutate = useMutate();
  const toast = useToast();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = NoteFields.body.safeParse(body);
    if (!parsed.success) {
      setError(body.trim() ? `Note must be at most ${LIMITS.descriptionMax} characters` : 'Write something first');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const tags = splitTags([...body.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1] ?? '').join(','));
      const r = await mutate('note.create@1', { id: uuidv7(), body: parsed.data, date: today(now), tags: tags.slice(0, LIMITS.tagsMax) });
      if (!r.ok) setError(describeError(r.error));
      else {
        setBody('');
        toast('Note saved');
      }
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card quick-note" onSubmit={save} noValidate>
      <label htmlFor="quick-note" className="field-label">
        New private note
      </label>
      <textarea
        id="quick-note"
        className="input textarea"
        rows={3}
        placeholder="Only you can read this. #tags welcome"
        value={body}
        maxLength={LIMITS.descriptionMax}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'quick-note-error' : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save(e);
        }}
      />
      {error && (
        <p className="field-error" id="quick-note-error" role="alert">
          {error}
        </p>
      )}
      <div className="quick-note-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save note
        </button>
      </div>
    </form>
  );
}
