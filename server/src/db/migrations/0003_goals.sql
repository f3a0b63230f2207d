-- Goals with their key results (issue 5). Synced (table "goals"), space = owner. Key results are a JSON array
-- inside the goal row (shared/src/domain/goal.ts): one owner, one record, so one rule sees them all.
create table goal (
  id uuid primary key,
  owner_id uuid not null references person(id),
  title text not null,
  description text not null default '',
  period_start date not null,
  due_date date not null,
  visibility text not null check (visibility in ('private', 'manager', 'org')),
  status text not null check (status in ('proposed', 'active', 'achieved', 'missed', 'dropped')),
  parent_id uuid,
  proposed_by uuid references person(id),
  key_results jsonb not null default '[]',
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index goal_space_idx on goal (owner_id, version);
-- goals.directory reads the organisation-visible goals of everyone.
create index goal_org_idx on goal (visibility) where visibility = 'org' and not deleted;

-- Check-ins on a key result. Synced (table "checkins"), space = the goal's owner. `goal_visibility` is a copy of
-- the goal's visibility kept by the server (S20), so the pull filters a check-in like its goal without a join.
create table checkin (
  id uuid primary key,
  owner_id uuid not null references person(id),
  goal_id uuid not null,
  kr_id text not null,
  value double precision not null,
  confidence int not null check (confidence between 0 and 10),
  note text not null default '',
  date date not null,
  goal_visibility text not null check (goal_visibility in ('private', 'manager', 'org')),
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index checkin_space_idx on checkin (owner_id, version);
create index checkin_goal_idx on checkin (goal_id);
