-- Seeds :tasks tasks straight into HTM's schema (migrated by HTM at start-up), shaped like a busy task server:
-- 70% finished, 20% ready, 10% claimed; each with an order as its input; priorities 0-9 (independent of state and group); each offered to one of 50 groups (g1..g50), except
-- every tenth task, which is offered to gshared (the claimNext queue). Another tenth (all ready) is also offered
-- to the big group gbig and directly to one of the users d1..d8. Ids are md5(i) as a UUID, so the
-- load driver can name tasks without asking. Users u1..u8 are each in three groups (see users.xml).
\set ON_ERROR_STOP on
insert into task (tkiid, version, name, kind, state, suspended, escalated, priority, owner, originator, starter,
                  creation_time, last_modification_time, last_state_change_time, activation_time,
                  first_activation_time, start_time, completion_time, position_in_hierarchy, top_level_task_id,
                  auto_deletion_mode, business_relevant, supports_automatic_claim, supports_claim_if_suspended,
                  supports_delegation, supports_follow_on_tasks, supports_sub_tasks, waiting_for_sub_task,
                  awaiting_information, input_message, read_copy)
select id, 0, 'bench-' || i, 'KIND_HUMAN',
       case when i % 10 < 7 then 'STATE_FINISHED' when i % 10 < 9 then 'STATE_READY' else 'STATE_CLAIMED' end,
       false, false, (i / 500) % 10,
       case when i % 10 < 7 or i % 10 = 9 then 'u' || (i % 8 + 1) end,
       'seeder', 'seeder', t0, t0, t0, t0, t0,
       case when i % 10 < 7 or i % 10 = 9 then t0 end,
       case when i % 10 < 7 then t0 end,
       'HIERARCHY_POSITION_TOP_TASK', id, 'AUTO_DELETE_NO', true, false, false, true, true, true, false, false,
       -- an order as the input, for the work lists filtered by its fields
       json_build_object('orderId', i, 'amount', (i * 37) % 5000,
                         'region', (array['EU', 'US', 'APAC', 'LATAM'])[(i / 10) % 4 + 1])::text,
       -- the people inserted below, as HTM keeps them in the row too (htm.task.entity.ReadCopy)
       json_build_object('p', case when i % 10 = 7
               then json_build_array(json_build_array('POTENTIAL_OWNER', true, grp),
                                     json_build_array('POTENTIAL_OWNER', false, 'd' || ((i / 10) % 8 + 1)),
                                     json_build_array('POTENTIAL_OWNER', true, 'gbig'))
               else json_build_array(json_build_array('POTENTIAL_OWNER', true, grp)) end,
           'c', json_build_object(), 'b', json_build_object())::text
from (select i, md5(i::text)::uuid::text as id, now() - make_interval(secs => i) as t0,
             case when i % 10 = 8 then 'gshared' else 'g' || ((i / 10) % 50 + 1) end as grp
      from generate_series(1, :tasks) i) seeds;
-- fresh statistics before the next insert, whose foreign-key checks would otherwise scan the whole table
analyze task;

insert into task_people (task_id, people_role, is_group, principal)
select md5(i::text)::uuid::text, 'POTENTIAL_OWNER', true,
       case when i % 10 = 8 then 'gshared' else 'g' || ((i / 10) % 50 + 1) end
from generate_series(1, :tasks) i;
-- (the next two are the case i % 10 = 7 above)

insert into task_people (task_id, people_role, is_group, principal)
select md5(i::text)::uuid::text, 'POTENTIAL_OWNER', false, 'd' || ((i / 10) % 8 + 1)
from generate_series(7, :tasks, 10) i;
insert into task_people (task_id, people_role, is_group, principal)
select md5(i::text)::uuid::text, 'POTENTIAL_OWNER', true, 'gbig'
from generate_series(7, :tasks, 10) i;

analyze task_people;

-- the work items HTM keeps for these tasks (as migration V7 makes them for tasks already there)
insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select nextval('work_item_seq'), t.tkiid, p.principal, p.is_group, p.people_role, t.state, t.suspended, t.priority,
       t.creation_time, t.activation_time, t.due_time, t.name
from task_people p join task t on t.tkiid = p.task_id;
insert into work_item (id, task_id, principal, is_group, reason, state, suspended, priority, creation_time,
                       activation_time, due_time, name)
select nextval('work_item_seq'), tkiid, who, false, reason, state, suspended, priority, creation_time,
       activation_time, due_time, name
from task cross join lateral (values (owner, 'OWNER'), (originator, 'ORIGINATOR'), (starter, 'STARTER')) w(who, reason)
where who is not null;

-- what autovacuum does soon after such a load on a production database (ours runs with autovacuum off): statistics,
-- and the visibility map that lets a count read the index alone
vacuum analyze work_item;
