-- A win may be evidence for a goal, or for one key result of it (issue 5).
alter table win add column goal_id uuid;
alter table win add column kr_id text;
