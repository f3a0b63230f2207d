-- Live completion (issue 6, item 7) reads a narrow copy of each review's progress instead of the review rows.
-- A review row is wide (template snapshot, both sides' answers) and on PGlite, which has no autovacuum, the
-- covering index of 0007 rarely gets an index-only scan, so counting 10,000 reviews meant reading every
-- wide row and its reviewee. This table holds only what the counts and the overdue list need, with the
-- reviewee's name and department, and is kept by
-- triggers, so every path that writes a review (launch, push, deadlines, participants, reopen) keeps it true.
create table review_progress (
  id uuid primary key,
  cycle_id uuid not null,
  owner_id uuid not null,
  manager_id uuid,
  name text not null,
  department text not null,
  state text not null,
  self_deadline date not null,
  manager_deadline date not null,
  deleted boolean not null
);
create index review_progress_cycle_idx on review_progress (cycle_id, state) where not deleted;
create index review_progress_owner_idx on review_progress (owner_id);

insert into review_progress (id, cycle_id, owner_id, manager_id, name, department, state, self_deadline, manager_deadline, deleted)
select r.id, r.cycle_id, r.owner_id, r.manager_id, e.name, e.department, r.state, r.self_deadline, r.manager_deadline, r.deleted
  from review r join person e on e.id = r.owner_id;

-- Statement-level with transition tables: a launch of 10,000 reviews copies them in one INSERT ... SELECT.
-- (migrate-run.ts splits on a semicolon that ends a line, so each function body ends on its last line.)
create function review_progress_on_insert() returns trigger language plpgsql as $$
begin
  insert into review_progress (id, cycle_id, owner_id, manager_id, name, department, state, self_deadline, manager_deadline, deleted)
  select n.id, n.cycle_id, n.owner_id, n.manager_id, e.name, e.department, n.state, n.self_deadline, n.manager_deadline, n.deleted
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

-- Completion counts by the reviewee's current department and name, as the other HR views do.
create function review_progress_on_person() returns trigger language plpgsql as $$
begin
  update review_progress set name = new.name, department = new.department where owner_id = new.id; return null; end
$$;

create trigger review_progress_person after update of name, department on person
  for each row when ((old.name, old.department) is distinct from (new.name, new.department)) execute function review_progress_on_person();

-- The completion counts themselves, kept per cycle x state x department x manager x deadlines (usually a few
-- hundred rows for 10,000 reviews), so the dashboard's query folds those rows instead of grouping every review
-- on each refresh. Kept from review_progress by the triggers below; an answer that moves no counted column never
-- reaches it, so only submits, sign-offs and HR's changes write here. `manager_key` is the nil uuid for no manager
-- (a primary key cannot hold a null). Rows whose count fell to 0 stay and are skipped by the query.
create table review_count (
  cycle_id uuid not null,
  state text not null,
  department text not null,
  manager_key uuid not null,
  self_deadline date not null,
  manager_deadline date not null,
  n int not null,
  primary key (cycle_id, state, department, manager_key, self_deadline, manager_deadline)
);

insert into review_count (cycle_id, state, department, manager_key, self_deadline, manager_deadline, n)
select cycle_id, state, department, coalesce(manager_id, '00000000-0000-0000-0000-000000000000'), self_deadline, manager_deadline, count(*)
  from review_progress where not deleted
 group by 1, 2, 3, 4, 5, 6;

-- Deltas are summed per key and applied in key order, so two transactions moving reviews between the same
-- groups lock the count rows in the same order and cannot deadlock.
create function review_count_on_insert() returns trigger language plpgsql as $$
begin
  insert into review_count (cycle_id, state, department, manager_key, self_deadline, manager_deadline, n)
  select cycle_id, state, department, coalesce(manager_id, '00000000-0000-0000-0000-000000000000'), self_deadline, manager_deadline, count(*)
    from new_rows where not deleted
   group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
  on conflict (cycle_id, state, department, manager_key, self_deadline, manager_deadline) do update set n = review_count.n + excluded.n; return null; end
$$;

create function review_count_on_update() returns trigger language plpgsql as $$
begin
  insert into review_count (cycle_id, state, department, manager_key, self_deadline, manager_deadline, n)
  select cycle_id, state, department, manager_key, self_deadline, manager_deadline, sum(d)
    from (select cycle_id, state, department, coalesce(manager_id, '00000000-0000-0000-0000-000000000000') as manager_key,
                 self_deadline, manager_deadline, -1 as d from old_rows where not deleted
          union all
          select cycle_id, state, department, coalesce(manager_id, '00000000-0000-0000-0000-000000000000'),
                 self_deadline, manager_deadline, 1 from new_rows where not deleted) x
   group by 1, 2, 3, 4, 5, 6 having sum(d) <> 0 order by 1, 2, 3, 4, 5, 6
  on conflict (cycle_id, state, department, manager_key, self_deadline, manager_deadline) do update set n = review_count.n + excluded.n; return null; end
$$;

create trigger review_count_insert after insert on review_progress
  referencing new table as new_rows for each statement execute function review_count_on_insert();

create trigger review_count_update after update on review_progress
  referencing old table as old_rows new table as new_rows for each statement execute function review_count_on_update();

-- No code path deletes a review row (removal is a tombstone), but a manual clean-up must not leave counts behind.
create function review_progress_on_delete() returns trigger language plpgsql as $$
begin
  delete from review_progress where id in (select id from old_rows); return null; end
$$;

create trigger review_progress_delete after delete on review
  referencing old table as old_rows for each statement execute function review_progress_on_delete();

create function review_count_on_delete() returns trigger language plpgsql as $$
begin
  update review_count c set n = c.n - d.n
    from (select cycle_id, state, department, coalesce(manager_id, '00000000-0000-0000-0000-000000000000') as manager_key,
                 self_deadline, manager_deadline, count(*)::int as n
            from old_rows where not deleted group by 1, 2, 3, 4, 5, 6) d
   where (c.cycle_id, c.state, c.department, c.manager_key, c.self_deadline, c.manager_deadline)
       = (d.cycle_id, d.state, d.department, d.manager_key, d.self_deadline, d.manager_deadline); return null; end
$$;

create trigger review_count_delete after delete on review_progress
  referencing old table as old_rows for each statement execute function review_count_on_delete();
