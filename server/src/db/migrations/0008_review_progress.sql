-- Live completion (issue 6, item 7) reads a narrow copy of each review's progress instead of the review rows.
-- A review row is wide (template snapshot, both sides' answers) and on PGlite, which has no autovacuum, the
-- covering index of 0007 rarely gets an index-only scan, so counting 10,000 reviews meant reading every
-- wide row. This table holds only what the counts need, with the reviewee's department, and is kept by
-- triggers, so every path that writes a review (launch, push, deadlines, participants, reopen) keeps it true.
create table review_progress (
  id uuid primary key,
  cycle_id uuid not null,
  owner_id uuid not null,
  manager_id uuid,
  department text not null,
  state text not null,
  self_deadline date not null,
  manager_deadline date not null,
  deleted boolean not null
);
create index review_progress_cycle_idx on review_progress (cycle_id, state) where not deleted;
create index review_progress_owner_idx on review_progress (owner_id);

insert into review_progress (id, cycle_id, owner_id, manager_id, department, state, self_deadline, manager_deadline, deleted)
select r.id, r.cycle_id, r.owner_id, r.manager_id, e.department, r.state, r.self_deadline, r.manager_deadline, r.deleted
  from review r join person e on e.id = r.owner_id;

-- Statement-level with transition tables: a launch of 10,000 reviews copies them in one INSERT ... SELECT.
-- (migrate-run.ts splits on a semicolon that ends a line, so each function body ends on its last line.)
create function review_progress_on_insert() returns trigger language plpgsql as $$
begin
  insert into review_progress (id, cycle_id, owner_id, manager_id, department, state, self_deadline, manager_deadline, deleted)
  select n.id, n.cycle_id, n.owner_id, n.manager_id, e.department, n.state, n.self_deadline, n.manager_deadline, n.deleted
    from new_rows n join person e on e.id = n.owner_id
  on conflict (id) do update set manager_id = excluded.manager_id, state = excluded.state, self_deadline = excluded.self_deadline,
    manager_deadline = excluded.manager_deadline, deleted = excluded.deleted; return null; end
$$;

-- Every answer updates its review row; the progress row is written only when a counted column moved.
create function review_progress_on_update() returns trigger language plpgsql as $$
begin
  update review_progress p
     set manager_id = n.manager_id, state = n.state, self_deadline = n.self_deadline,
         manager_deadline = n.manager_deadline, deleted = n.deleted
    from new_rows n
   where p.id = n.id
     and (p.manager_id, p.state, p.self_deadline, p.manager_deadline, p.deleted)
         is distinct from (n.manager_id, n.state, n.self_deadline, n.manager_deadline, n.deleted); return null; end
$$;

create trigger review_progress_insert after insert on review
  referencing new table as new_rows for each statement execute function review_progress_on_insert();

create trigger review_progress_update after update on review
  referencing new table as new_rows for each statement execute function review_progress_on_update();

-- Completion counts by the reviewee's current department, as the other HR views do.
create function review_progress_on_department() returns trigger language plpgsql as $$
begin
  update review_progress set department = new.department where owner_id = new.id; return null; end
$$;

create trigger review_progress_department after update of department on person
  for each row when (old.department is distinct from new.department) execute function review_progress_on_department();
