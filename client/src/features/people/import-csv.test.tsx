import type { CsvPreview } from '@merit/shared/domain/people-csv';
import { previewPeopleCsv } from '@merit/shared/domain/people-csv';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportCsv } from './import-csv';

// The network boundary only: the tRPC client. Previews come from the shared rule the server runs.
const api = vi.hoisted(() => ({ preview: vi.fn(), commit: vi.fn(), list: vi.fn() }));
vi.mock('@/lib/trpc', () => ({
  trpc: {
    people: {
      importPreview: { mutate: api.preview },
      importCommit: { mutate: api.commit },
      list: { query: api.list },
    },
  },
}));

const BAD = [
  'name,email,department,manager_email,role',
  'Maya Lind,maya@acme.test,Engineering,,employee',
  'Eli Park,eli@acme,Engineering,maya@acme.test,employee',
  'Sam Okafor,sam@acme.test,Engineering,nobody@acme.test,employee',
].join('\n');
const GOOD = [
  'name,email,department,manager_email,role',
  'Maya Lind,maya@acme.test,Engineering,,employee',
  'Eli Park,eli@acme.test,,maya@acme.test,hr',
].join('\n');

function renderImport() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ImportCsv />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  // jsdom does no layout: scrolling is a no-op here.
  window.HTMLElement.prototype.scrollIntoView = () => {};
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  api.preview.mockImplementation(async ({ csv }: { csv: string }): Promise<CsvPreview> => previewPeopleCsv(csv, new Set()));
  api.list.mockResolvedValue([]);
});

describe('ImportCsv', () => {
  it('shows each row error with its line number and keeps "Import" disabled while any remain', async () => {
    renderImport();
    fireEvent.change(screen.getByLabelText('CSV'), { target: { value: BAD } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

    const problems = await screen.findByRole('table', { name: 'Problems' });
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['3', '4']);
    expect(rows[0]?.textContent).toContain('email must be a valid email');
    expect(rows[1]?.textContent).toContain('nobody@acme.test is neither in the file nor in Merit');
    expect(screen.getByRole('status').textContent).toContain('2 problems to fix');

    const fine = screen.getByRole('table', { name: 'Rows that are fine' });
    expect(within(fine).getByText('Maya Lind')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 2 people' })).toHaveProperty('disabled', true);
    expect(api.preview).toHaveBeenCalledWith({ csv: BAD });
    expect(api.commit).not.toHaveBeenCalled();
  });

  it('asks for a new preview when the text changes after one', async () => {
    renderImport();
    fireEvent.change(screen.getByLabelText('CSV'), { target: { value: GOOD } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('button', { name: 'Import 2 people' });
    fireEvent.change(screen.getByLabelText('CSV'), { target: { value: BAD } });
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
  });

  it('imports a clean file and lists every set-password link with a copy button', async () => {
    api.commit.mockResolvedValue({
      created: [
        {
          person: { id: '1', name: 'Maya Lind', email: 'maya@acme.test' },
          setPasswordUrl: 'http://merit.test/set-password#token=aaaaaaaaaaaaaaaaaaaaaaaa',
        },
        {
          person: { id: '2', name: 'Eli Park', email: 'eli@acme.test' },
          setPasswordUrl: 'http://merit.test/set-password#token=bbbbbbbbbbbbbbbbbbbbbbbb',
        },
      ],
    });
    renderImport();
    fireEvent.change(screen.getByLabelText('CSV'), { target: { value: GOOD } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const table = await screen.findByRole('table', { name: 'People to import' });
    expect(within(table).getByText('HR admin')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import 2 people' });
    expect(importButton).toHaveProperty('disabled', false);
    fireEvent.click(importButton);

    await screen.findByRole('heading', { name: 'People imported' });
    await waitFor(() => expect(screen.getAllByTestId('set-password-link')).toHaveLength(2));
    expect(screen.getAllByTestId('set-password-link').map((l) => l.textContent)).toEqual([
      'http://merit.test/set-password#token=aaaaaaaaaaaaaaaaaaaaaaaa',
      'http://merit.test/set-password#token=bbbbbbbbbbbbbbbbbbbbbbbb',
    ]);
    expect(screen.getAllByRole('button', { name: 'Copy link' })).toHaveLength(2);
    expect(api.commit).toHaveBeenCalledWith({ csv: GOOD });
  });
});
