-- Review cycles (issue 6, DESIGN.md section 4). HR owns templates and cycles (online, tRPC); a review (with
-- both sides' answers) is a synced row in the REVIEWEE's space, so the employee and manager write it offline.

-- A template: `sections` is JSON (see shared/src/domain/review-template.ts). Frozen once a launched cycle uses it.
create table review_template (
  id uuid primary key,
  name text not null,
  description text not null default '',
  sections jsonb not null,
  frozen boolean not null default false,
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The question bank: questions HR can pick into any template (`question` is one template question, JSON).
create table question_bank (
  id uuid primary key,
  question jsonb not null,
  created_at timestamptz not null default now()
);

create table review_cycle (
  id uuid primary key,
  name text not null,
  template_id uuid not null references review_template(id),
  period_start date not null,
  period_end date not null,
  self_deadline date not null,
  manager_deadline date not null,
  status text not null default 'draft' check (status in ('draft', 'launched', 'closed')),
  -- How participants were chosen, for the record: {"kind": "org" | "department" | "subtree" | "list" | "csv", ...}
  selection jsonb not null default '{}',
  launched_at timestamptz,
  launched_by uuid references person(id),
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  check (period_start <= period_end)
);

-- One review per participant of a launched cycle. Synced (table "reviews"), space = reviewee (owner_id).
-- `template` is a snapshot of the template's sections at launch, so a device renders the form offline.
create table review (
  id uuid primary key,
  owner_id uuid not null references person(id),
  cycle_id uuid not null references review_cycle(id),
  manager_id uuid references person(id),
  cycle_name text not null,
  period_start date not null,
  period_end date not null,
  template jsonb not null,
  state text not null default 'not_started' check (state in (
    'not_started', 'self_in_progress', 'self_submitted', 'manager_in_progress',
    'manager_submitted', 'signed_off', 'acknowledged')),
  self_deadline date not null,
  manager_deadline date not null,
  self_submitted_at bigint,
  manager_submitted_at bigint,
  signed_off_at bigint,
  acknowledged_at bigint,
  ack_comment text not null default '',
  -- Answers, JSON { [questionId]: { rating?, text?, cites? } }. Every review mutation targets this one row,
  -- so its rule sees the state (a signed-off review is locked). The pull strips what the viewer may not see
  -- yet: the self side from the manager until submitted, the manager side from the reviewee until signed off.
  self_answers jsonb not null default '{}',
  manager_answers jsonb not null default '{}',
  reopen_count int not null default 0,
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false,
  unique (cycle_id, owner_id)
);
create index review_space_idx on review (owner_id, version);
create index review_cycle_idx on review (cycle_id, state);
create index review_manager_idx on review (manager_id);
