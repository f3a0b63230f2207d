-- One organisation per install.
create table org (
  id int primary key default 1 check (id = 1),
  name text not null,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table person (
  id uuid primary key,
  email text not null unique,
  name text not null,
  department text not null default '',
  manager_id uuid references person(id),
  role text not null check (role in ('employee', 'hr')),
  password_hash text,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  check (manager_id is distinct from id)
);
create index person_manager_idx on person (manager_id);

-- Sessions: only a SHA-256 of the cookie's token is stored, so a database leak signs nobody in.
create table session (
  token_hash text primary key,
  person_id uuid not null references person(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text not null default ''
);
create index session_person_idx on session (person_id);

create table password_token (
  token_hash text primary key,
  person_id uuid not null references person(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index password_token_person_idx on password_token (person_id);

-- Login throttling lives in the database so that every server process sees the same counts.
create table login_attempt (
  key text primary key,
  failures int not null default 0,
  window_start timestamptz not null default now(),
  locked_until timestamptz
);

-- Sync (docs/SYNC.md). A space is a person's data; its version is bumped inside every write transaction
-- that touches the space, so versions follow commit order per space (rule S7).
create table space (
  id text primary key,
  version bigint not null default 0
);

create table device (
  id uuid primary key,
  person_id uuid not null references person(id) on delete cascade,
  last_mutation_id bigint not null default 0,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

create table mutation_result (
  -- The order in which the server decided: replaying applied mutations in this order gives the server's state.
  seq bigserial not null,
  device_id uuid not null references device(id) on delete cascade,
  mutation_id bigint not null,
  status text not null check (status in ('applied', 'rejected')),
  code text,
  message text,
  primary key (device_id, mutation_id)
);

create table win (
  id uuid primary key,
  owner_id uuid not null references person(id),
  title text not null,
  description text not null default '',
  date date not null,
  tags text[] not null default '{}',
  visibility text not null check (visibility in ('private', 'manager')),
  created_at bigint not null,
  updated_at bigint not null,
  version bigint not null,
  deleted boolean not null default false
);
create index win_space_idx on win (owner_id, version);

create table rejection (
  id uuid primary key,
  owner_id uuid not null references person(id),
  device_id uuid not null,
  mutation_id bigint not null,
  name text not null,
  args jsonb not null,
  code text not null,
  message text not null,
  created_at bigint not null,
  dismissed boolean not null default false,
  version bigint not null,
  deleted boolean not null default false
);
create index rejection_space_idx on rejection (owner_id, version);

-- Append-only: the code has no UPDATE or DELETE path for this table.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  action text not null,
  subject_id uuid,
  details jsonb not null default '{}'
);
create index audit_log_subject_idx on audit_log (subject_id, at);
