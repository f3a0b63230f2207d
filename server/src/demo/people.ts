/** The demo organisation's people, made up from name lists so the data looks alive but is deterministic. */
export const DEMO_PASSWORD = 'merit-demo-2026';
export const DEMO_ORG = 'Northwind Demo';
const DOMAIN = 'northwind.example';

const FIRST = ['Ava', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Felix', 'Grace', 'Hugo', 'Isla', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah'];
const LAST = ['Andersen', 'Brooks', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Larsen'];

export const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Operations', 'Finance', 'Support'] as const;

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  department: string;
  role: 'employee' | 'hr';
  managerKey: string | null;
}

function person(i: number, department: string, role: DemoPerson['role'], managerKey: string | null, key = `p${i}`): DemoPerson {
  const first = FIRST[i % FIRST.length] ?? 'Alex';
  // Each round of first names moves the last names by 5, so no two of the first 70 people share a full name.
  const last = LAST[(i + 5 * Math.floor(i / FIRST.length)) % LAST.length] ?? 'Smith';
  return { key, name: `${first} ${last}`, email: `${first}.${last}${i}@${DOMAIN}`.toLowerCase(), department, role, managerKey };
}

/** 1 HR admin, a CEO, one manager per department, 8 or 9 employees each: 60 people in three levels. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    { key: 'ceo', name: 'Olivia Northwind', email: `ceo@${DOMAIN}`, department: 'Leadership', role: 'employee', managerKey: null },
    { key: 'hr', name: 'Hannah Reyes', email: `hr@${DOMAIN}`, department: 'People', role: 'hr', managerKey: 'ceo' },
  ];
  let i = 0;
  DEPARTMENTS.forEach((department, d) => {
    people.push(person(i++, department, 'employee', 'ceo', `m${d}`));
    const size = d < 4 ? 9 : 8;
    for (let k = 0; k < size; k++) people.push(person(i++, department, 'employee', `m${d}`));
  });
  return people;
}

const WIN_TITLES = [
  'Shipped the onboarding checklist',
  'Closed the quarter-end books two days early',
  'Mentored a new joiner through their first release',
  'Cut support response time by a third',
  'Presented the roadmap at the all-hands',
  'Fixed the flaky nightly import',
  'Won back a churned customer',
  'Wrote the incident review everyone now copies',
  'Automated the weekly report',
  'Ran the customer interview series',
];

export interface DemoWin {
  title: string;
  description: string;
  daysAgo: number;
  tags: string[];
  visibility: 'private' | 'manager';
}

/** Three wins per person: one from the last fortnight, two spread over the last months; most shared with the manager. */
export function demoWins(index: number): DemoWin[] {
  return [0, 1, 2].map((n) => ({
    title: WIN_TITLES[(index * 3 + n) % WIN_TITLES.length] ?? 'A good week',
    description: n === 0 ? 'Noted right after it happened, so the review can cite it.' : '',
    daysAgo: n === 0 ? 1 + ((index * 5) % 14) : 7 + ((index * 17 + n * 41) % 150),
    tags: n === 2 ? ['teamwork'] : ['impact'],
    visibility: n === 1 ? 'private' : 'manager',
  }));
}
