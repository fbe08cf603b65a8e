package htm.worklist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.security.control.Role;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskState;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkListFiltersTest {

    private static final Caller BOB = new Caller("bob", Set.of("reviewers", "ops"), Set.of(Role.APIWRITE));
    private static final Caller ADMIN = new Caller("admin", Set.of(), Set.of(Role.ADMIN));

    @Test
    void everyFilterBecomesACriterion() {
        TaskFilter filter = WorkListFilters.read(query(
                "state",
                "STATE_READY,STATE_CLAIMED",
                "kind",
                "KIND_HUMAN",
                "owner",
                "bob",
                "originator",
                "alice",
                "potentialOwner",
                "me",
                "group",
                "reviewers",
                "priority",
                "3",
                "priorityMin",
                "1",
                "priorityMax",
                "5",
                "dueBefore",
                "2030-01-01T00:00:00Z",
                "dueAfter",
                "2020-01-01T00:00:00Z",
                "createdAfter",
                "2021-01-01T00:00:00Z",
                "name",
                "n",
                "namePrefix",
                "appr",
                "isSuspended",
                "false",
                "isEscalated",
                "true",
                "parentTaskID",
                "p",
                "customProperty.region",
                "EU"));
        assertEquals(
                List.of(
                        new Criterion.In(TaskField.STATE, Set.of(TaskState.STATE_READY, TaskState.STATE_CLAIMED)),
                        new Criterion.In(TaskField.KIND, Set.of(TaskKind.KIND_HUMAN)),
                        new Criterion.Compare(TaskField.OWNER, Criterion.Op.EQ, "bob"),
                        new Criterion.Compare(TaskField.ORIGINATOR, Criterion.Op.EQ, "alice"),
                        new Criterion.CallerIsPotentialOwner(),
                        new Criterion.OfferedToGroup("reviewers"),
                        new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.EQ, 3),
                        new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.GE, 1),
                        new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.LE, 5),
                        new Criterion.Compare(
                                TaskField.DUE_TIME, Criterion.Op.LT, Instant.parse("2030-01-01T00:00:00Z")),
                        new Criterion.Compare(
                                TaskField.DUE_TIME, Criterion.Op.GT, Instant.parse("2020-01-01T00:00:00Z")),
                        new Criterion.Compare(
                                TaskField.CREATION_TIME, Criterion.Op.GT, Instant.parse("2021-01-01T00:00:00Z")),
                        new Criterion.Compare(TaskField.NAME, Criterion.Op.EQ, "n"),
                        new Criterion.StartsWith(TaskField.NAME, "appr"),
                        new Criterion.Compare(TaskField.SUSPENDED, Criterion.Op.EQ, false),
                        new Criterion.Compare(TaskField.ESCALATED, Criterion.Op.EQ, true),
                        new Criterion.Compare(TaskField.PARENT_CONTEXT_ID, Criterion.Op.EQ, "p"),
                        new Criterion.CustomProperty("region", "EU")),
                filter.criteria());
        assertEquals(SortKey.DEFAULT, filter.order());
        assertEquals(TaskFilter.DEFAULT_SIZE, filter.size());
        assertTrue(filter.count());
    }

    @ParameterizedTest
    @CsvSource({
        "size,0",
        "size,501",
        "size,x",
        "offset,-1",
        "priority,high",
        "dueBefore,tomorrow",
        "isSuspended,yes",
        "state,STATE_SLEEPING",
        "kind,KIND_ROBOT",
        "potentialOwner,bob",
        "orderBy,owner",
        "orderBy,priority sideways",
        "after,not-a-cursor",
        "count,maybe"
    })
    void badValuesAre400sNamingTheParameter(String name, String value) {
        HtmException e = assertThrows(HtmException.class, () -> WorkListFilters.read(query(name, value)));
        assertEquals(400, e.status());
        assertEquals(name, e.parameters().get(0));
    }

    @Test
    void aCursorContinuesItsOrderAndOnlyItsOrder() {
        List<SortKey> order = SortKey.parse("dueTime desc,name");
        Cursor cursor = new Cursor(Arrays.asList(null, "approve"), "t-1");
        TaskFilter filter = WorkListFilters.read(query("orderBy", "dueTime desc,name", "after", cursor.encode()));
        assertEquals(order, filter.order());
        assertEquals(cursor, filter.after());
        assertThrows(HtmException.class, () -> WorkListFilters.read(query("after", cursor.encode())));
        assertThrows(
                HtmException.class,
                () -> WorkListFilters.read(
                        query("orderBy", "dueTime desc,name", "after", cursor.encode(), "offset", "5")));
    }

    @Test
    void theQueryTextHoldsNoValueAndLimitsWhatTheCallerSees() {
        TaskFilter filter = WorkListFilters.read(query("name", "x' or '1'='1", "customProperty.k", "v"));
        TaskQuery forBob = new TaskQuery(filter, BOB, false);
        assertFalse(forBob.select().contains("'1'='1"), forBob.select());
        assertTrue(forBob.parameters().containsValue("x' or '1'='1"));
        assertTrue(forBob.select().contains("t.owner = "), "bob sees only tasks with his work items");
        TaskQuery forAdmin = new TaskQuery(filter, ADMIN, false);
        assertFalse(forAdmin.select().contains("t.originator = "), forAdmin.select());
        assertTrue(forAdmin.count().startsWith("select count(t) from Task t where "));
    }

    @Test
    void keysetPagesCompareKeyByKeyWithNullsLast() {
        TaskFilter filter = new TaskFilter(
                List.of(),
                SortKey.parse("dueTime,priority desc"),
                new Cursor(Arrays.asList(Instant.parse("2030-01-01T00:00:00Z"), 3), "t-9"),
                0,
                10,
                false);
        String select = new TaskQuery(filter, ADMIN, false).select();
        assertTrue(
                select.contains("t.dueTime > :p2 or t.dueTime is null or (t.dueTime = :p2 and (t.priority < :p1 or "
                        + "(t.priority = :p1 and (t.tkiid > :p0))))"),
                select);
        assertTrue(select.endsWith("order by t.dueTime asc nulls last, t.priority desc, t.tkiid asc"), select);
    }

    @Test
    void goingDownTasksWithoutAValueComeFirst() {
        TaskFilter filter = new TaskFilter(
                List.of(),
                SortKey.parse("dueTime desc"),
                new Cursor(Arrays.asList((Object) null), "t-9"),
                0,
                10,
                false);
        String select = new TaskQuery(filter, ADMIN, false).select();
        assertTrue(select.contains("(t.dueTime is not null or (t.dueTime is null and (t.tkiid > :p0)))"), select);
        assertTrue(select.endsWith("order by t.dueTime desc nulls first, t.tkiid asc"), select);
    }

    @Test
    void theDefaultIsOffsetPagingWithATotal() {
        TaskFilter filter = WorkListFilters.read(Map.of());
        assertNull(filter.after());
        assertEquals(0, filter.offset());
        assertFalse(WorkListFilters.read(query("total", "false")).count());
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return query;
    }
}
