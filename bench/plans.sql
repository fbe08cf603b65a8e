-- The query plans behind the work list (BENCH_PLANS=1 bench/run): user u1, groups g1..g3, first page.
explain analyze
select t.tkiid from task t
where t.state in ('STATE_READY')
  and t.tkiid in (select p.tkiid from task p join task_people a on p.tkiid = a.task_id
                  where a.people_role = 'POTENTIAL_OWNER'
                    and ((a.is_group = false and a.principal = 'u1')
                         or (a.is_group = true and a.principal in ('g1', 'g2', 'g3', 'htm-apiwrite'))))
  and not exists (select 1 from task p join task_people a on p.tkiid = a.task_id
                  where p.tkiid = t.tkiid and a.people_role = 'EXCLUDED_OWNER'
                    and ((a.is_group = false and a.principal = 'u1')
                         or (a.is_group = true and a.principal in ('g1', 'g2', 'g3', 'htm-apiwrite'))))
order by t.priority, t.creation_time, t.tkiid
fetch first 50 rows only;
