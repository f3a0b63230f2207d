-- HR side of review cycles: notifications, sent reminders, and lookups for the audit view.

-- An in-app notification, synced (table "notifications") in the RECIPIENT's space.
create table notification (
  id uuid primary key,
  owner_id uuid not null references person(id),
  kind text not null check (kind in ('reminder', 'reopened', 'info')),
  title text not null,
  body text not null default '',
  link text not null default '',
  created_at bigint not null,
  read boolean not null default false,
  version bigint not null,
  deleted boolean not null default false
);
create index notification_space_idx on notification (owner_id, version);

-- Automatic reminders already sent. The unique key makes the reminder tick idempotent across server
-- processes: two processes racing on the same reminder both try the insert, and only one wins it.
create table reminder_sent (
  cycle_id uuid not null references review_cycle(id),
  person_id uuid not null references person(id),
  phase text not null check (phase in ('self', 'manager')),
  days_before int not null,
  sent_at timestamptz not null default now(),
  primary key (cycle_id, person_id, phase, days_before)
);

-- The audit view filters by cycle (details.cycleId) and pages by id.
create index audit_log_cycle_idx on audit_log ((details ->> 'cycleId'), id);
create index audit_log_actor_idx on audit_log (actor_id, id);

-- The live completion query reads only these columns of a cycle's reviews; a covering index spares it the
-- wide rows (template snapshot and answers) when the visibility map allows an index-only scan.
create index review_completion_idx on review (cycle_id) include (state, owner_id, manager_id, self_deadline, manager_deadline) where not deleted;
