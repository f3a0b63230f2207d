// HR's people table (issue 12) with 10,000 people: the real PeopleTable component, rendered as the app renders it.
import type { Person } from '@merit/shared/domain/person';
import { uuidv7 } from '@merit/shared/ids';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { PeopleTable } from '@/features/people/people-table';
import { type Column, queryRows } from '@/ui/table-model';

const DEPTS = ['Engineering', 'Sales', 'Support', 'Finance', 'Operations', 'Marketing', 'Legal', 'People'];

function people(n: number): Person[] {
  const managers = Array.from({ length: 200 }, () => uuidv7());
  return Array.from({ length: n }, (_, i) => ({
    id: i < managers.length ? (managers[i] ?? uuidv7()) : uuidv7(),
    name: `Person ${i + 1}`,
    email: `person${i + 1}@acme.test`,
    department: DEPTS[i % DEPTS.length] ?? '',
    managerId: i < managers.length ? null : (managers[i % managers.length] ?? null),
    role: i % 97 === 0 ? 'hr' : 'employee',
    disabled: i % 53 === 0,
    hasPassword: i % 3 !== 0,
    reportCount: i < managers.length ? 49 : 0,
  }));
}

let mounted: { rows: Person[]; input: HTMLInputElement; table: Element } | null = null;

/** Mounts the table once (unmeasured), with `n` people. */
async function mount(n: number) {
  if (mounted) return mounted;
  const host = document.createElement('div');
  document.body.append(host);
  const rows = people(n);
  createRoot(host).render(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(PeopleTable, { people: rows })));
  for (let i = 0; i < 200 && !host.querySelector('input[type="search"]'); i++) await new Promise((r) => setTimeout(r, 10));
  const input = host.querySelector<HTMLInputElement>('input[type="search"]');
  const table = host.querySelector('table');
  if (!input || !table) throw new Error('the people table did not render');
  mounted = { rows, input, table: host };
  return mounted;
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/**
 * Milliseconds from a keystroke in the search box (an input event, as typing fires) to the next frame after the
 * table shows the new rows. Each query differs from the one before, so every keystroke changes the rows.
 */
async function peopleFilterRuns(n: number, runs: number): Promise<number[]> {
  const { input, table } = await mount(n);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const query = i % 2 === 0 ? `person ${(i % 90) + 10}` : `person ${(i % 9) + 1}`;
    const changed = new Promise<void>((resolve) => {
      const obs = new MutationObserver(() => {
        obs.disconnect();
        resolve();
      });
      obs.observe(table, { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    setValue?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** The floor: the same searches through the pure filter alone (no React, no DOM). */
async function peopleFilterFloorRuns(n: number, runs: number): Promise<number[]> {
  const { rows } = await mount(n);
  const cols: Column<Person>[] = [
    { key: 'name', label: 'Name', value: (p) => p.name },
    { key: 'email', label: 'E-mail', value: (p) => p.email },
    { key: 'department', label: 'Department', value: (p) => p.department },
  ];
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    queryRows(rows, cols, { search: i % 2 === 0 ? `person ${(i % 90) + 10}` : `person ${(i % 9) + 1}`, filters: {}, sort: null });
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const peopleBench = { peopleFilterRuns, peopleFilterFloorRuns };
