-- Private notes, feedback received, a manager's notes about a report (issue 5 item 5; docs/SYNC.md S30-S32).

-- A private note: only its author ever reads it. No procedure but the author's own pull and export selects it.
create table note (
  id uuid primary key,
  owner_id uuid not null references person(id),
  title text not null default '',
  body text not null,
  tags text[] not null default '{}',
  pinned boolean not null default false,
  date date not null,
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index note_space_idx on note (owner_id, version);

-- Feedback received, in the recipient's space. from_id is null for someone outside the organisation. It is a
-- label the device chose, not a foreign key: a name it knew wrongly must not fail the push (an infrastructure
-- error would stop the device's batch for good, S4).
create table feedback (
  id uuid primary key,
  owner_id uuid not null references person(id),
  from_id uuid,
  from_name text not null,
  date date not null,
  body text not null,
  visibility text not null check (visibility in ('private', 'manager')),
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index feedback_space_idx on feedback (owner_id, version);

-- A manager's private note about a report, in the MANAGER's space (owner_id = the manager).
create table manager_note (
  id uuid primary key,
  owner_id uuid not null references person(id),
  subject_id uuid not null references person(id),
  body text not null,
  date date not null,
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index manager_note_space_idx on manager_note (owner_id, version);
