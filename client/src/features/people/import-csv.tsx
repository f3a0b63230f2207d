import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, TextArea } from '@/ui/field';
import { plural } from '@/ui/format';
import { Screen } from '@/ui/screen';
import { CsvPreviewView } from './csv-preview';
import { ImportedPeople } from './imported-people';
import { useRefreshPeople } from './use-people';

const EXAMPLE = 'name,email,department,manager_email,role\nAna Silva,ana@example.com,Sales,rita@example.com,employee';

/** Paste or pick a CSV, preview it on the server (nothing written), then import all of it or nothing. */
export function ImportCsv() {
  const [csv, setCsv] = useState('');
  const refresh = useRefreshPeople();
  const preview = useMutation({ mutationFn: (text: string) => trpc.people.importPreview.mutate({ csv: text }) });
  const commit = useMutation({
    mutationFn: (text: string) => trpc.people.importCommit.mutate({ csv: text }),
    onSuccess: async () => {
      window.scrollTo(0, 0);
      await refresh();
    },
  });
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (preview.data) result.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [preview.data]);

  const change = (text: string) => {
    setCsv(text);
    // A preview belongs to the text it checked: editing the text asks for a new one.
    preview.reset();
    commit.reset();
  };
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) change(await file.text());
  };

  if (commit.data) return <ImportedPeople created={commit.data.created} />;

  const ready = preview.data !== undefined && preview.data.errors.length === 0 && preview.data.rows.length > 0;
  const count = preview.data?.rows.length ?? 0;
  return (
    <Screen title="Import people" lead="One person per line. Columns: name, email, department, manager_email, role (employee or hr).">
      <div className="form">
        <div className="field">
          <label className="field-label" htmlFor="csv-file">
            CSV file
          </label>
          <input id="csv-file" className="file-input" type="file" accept=".csv,text/csv,text/plain" onChange={pick} />
        </div>
        <TextArea
          label="CSV"
          rows={7}
          className="mono"
          placeholder={EXAMPLE}
          spellCheck={false}
          value={csv}
          onChange={(e) => change(e.target.value)}
          hint="Or paste it here."
        />
        <button
          type="button"
          className="btn btn-secondary btn-block"
          disabled={csv.trim() === '' || preview.isPending}
          onClick={() => preview.mutate(csv)}
        >
          {preview.isPending ? 'Checking…' : 'Preview'}
        </button>
        <FormError>{preview.error ? describeError(preview.error) : commit.error ? describeError(commit.error) : null}</FormError>
        <div ref={result} className="scroll-target">
          {preview.data && <CsvPreviewView preview={preview.data} />}
        </div>
        {preview.data && (
          <button
            type="button"
            className="btn btn-primary btn-block"
            disabled={!ready || commit.isPending}
            onClick={() => commit.mutate(csv)}
          >
            {commit.isPending ? 'Importing…' : `Import ${plural(count, 'person', 'people')}`}
          </button>
        )}
      </div>
    </Screen>
  );
}
