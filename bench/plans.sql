-- The query plans behind the work lists (BENCH_PLANS=1 bench/run), as htm.worklist.control.WorkItemQuery writes
-- them: u1 (groups g1..g3 and htm-apiwrite), first page and total; b1, whose one group holds 10% of all tasks.
explain analyze
select u.task_id from (
  (select w.task_id, w.priority, w.creation_time from work_item w
   where w.principal = 'u1' and w.is_group = false and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
     and not exists (select 1 from work_item x where x.task_id = w.task_id and x.reason = 'EXCLUDED_OWNER'
                     and ((x.is_group = false and x.principal = 'u1')
                          or (x.is_group = true and x.principal in ('g1', 'g2', 'g3', 'htm-apiwrite'))))
   order by w.priority, w.creation_time, w.task_id fetch first 50 rows only)
  union
  (select w.task_id, w.priority, w.creation_time from work_item w
   where w.principal = 'g1' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
     and not exists (select 1 from work_item x where x.task_id = w.task_id and x.reason = 'EXCLUDED_OWNER'
                     and ((x.is_group = false and x.principal = 'u1')
                          or (x.is_group = true and x.principal in ('g1', 'g2', 'g3', 'htm-apiwrite'))))
   order by w.priority, w.creation_time, w.task_id fetch first 50 rows only)
  union
  (select w.task_id, w.priority, w.creation_time from work_item w
   where w.principal = 'g2' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
   order by w.priority, w.creation_time, w.task_id fetch first 50 rows only)
  union
  (select w.task_id, w.priority, w.creation_time from work_item w
   where w.principal = 'g3' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
   order by w.priority, w.creation_time, w.task_id fetch first 50 rows only)) u
order by u.priority, u.creation_time, u.task_id fetch first 50 rows only;

explain analyze
select count(*) from (
  select w.task_id from work_item w
  where w.principal = 'u1' and w.is_group = false and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
  union select w.task_id from work_item w
  where w.principal = 'g1' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
  union select w.task_id from work_item w
  where w.principal = 'g2' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
  union select w.task_id from work_item w
  where w.principal = 'g3' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY') u;

explain analyze
select count(*) from (
  select w.task_id from work_item w
  where w.principal = 'gbig' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY') u;

-- the same list's total, filtered by a field of the input (input.region=EU), for one of its ranges
explain analyze
select count(*) from (
  select w.task_id from work_item w join task t on t.tkiid = w.task_id
  where w.principal = 'g1' and w.is_group = true and w.reason = 'POTENTIAL_OWNER' and w.state = 'STATE_READY'
    and (t.input_data is not null and t.input_data @> cast('{"region":"EU"}' as jsonb))) u;
