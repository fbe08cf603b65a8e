package htm.worklist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.problem.entity.HtmException;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhereClauseTest {

    @Test
    void theHtmExampleBecomesThreeCriteria() {
        Criterion parsed = WhereClause.parse("TASK.STATE = TASK.STATE.STATE_READY AND TASK.PRIORITY < 3 AND "
                + "WORK_ITEM.REASON = WORK_ITEM.REASON.REASON_POTENTIAL_OWNER");
        assertEquals(
                new Criterion.And(List.of(
                        new Criterion.Compare(TaskField.STATE, Criterion.Op.EQ, TaskState.STATE_READY),
                        new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.LT, 3),
                        new Criterion.CallerHasWorkItem(PeopleRole.POTENTIAL_OWNER))),
                parsed);
    }

    @Test
    void orBindsLooserThanAndAndParenthesesRegroup() {
        Criterion a = new Criterion.Compare(TaskField.NAME, Criterion.Op.EQ, "a");
        Criterion b = new Criterion.Compare(TaskField.NAME, Criterion.Op.EQ, "b");
        Criterion c = new Criterion.Compare(TaskField.NAME, Criterion.Op.EQ, "c");
        assertEquals(
                new Criterion.Or(List.of(a, new Criterion.And(List.of(b, c)))),
                WhereClause.parse("TASK.NAME = 'a' OR TASK.NAME = 'b' AND TASK.NAME = 'c'"));
        assertEquals(
                new Criterion.And(List.of(new Criterion.Or(List.of(a, b)), c)),
                WhereClause.parse("(task.name = 'a' or task.name = 'b') and task.name = 'c'"));
        assertEquals(new Criterion.Not(a), WhereClause.parse("NOT TASK.NAME = 'a'"));
    }

    @Test
    void everyKindOfValue() {
        assertEquals(
                new Criterion.Compare(TaskField.DUE_TIME, Criterion.Op.LE, Instant.parse("2026-12-01T12:00:00Z")),
                WhereClause.parse("TASK.DUE <= TS('2026-12-01T12:00:00')"));
        assertEquals(
                new Criterion.Compare(TaskField.SUSPENDED, Criterion.Op.EQ, true),
                WhereClause.parse("TASK.IS_SUSPENDED = TRUE"));
        assertEquals(
                new Criterion.In(TaskField.STATE, Set.of(TaskState.STATE_READY, TaskState.STATE_CLAIMED)),
                WhereClause.parse("TASK.STATE IN (TASK.STATE.STATE_READY, 'STATE_CLAIMED')"));
        assertEquals(
                new Criterion.StartsWith(TaskField.NAME, "approve_"), WhereClause.parse("TASK.NAME LIKE 'approve_%'"));
        assertEquals(new Criterion.IsNull(TaskField.OWNER, true), WhereClause.parse("TASK.OWNER IS NOT NULL"));
        assertEquals(
                new Criterion.Compare(TaskField.NAME, Criterion.Op.NE, "it's"),
                WhereClause.parse("TASK.NAME <> 'it''s'"));
        assertEquals(new Criterion.And(List.of()), WhereClause.parse("  "));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "TASK.STATE = 'STATE_READY' OR 1=1              | 31",
                "TASK.STATE = 'x'                                | 14",
                "TASK.NAME = 'a'; DROP TABLE task                | 16",
                "TASK.NAME = 'a' --                              | 17",
                "TASK.PASSWORD = 'x'                             | 1",
                "TASK.PRIORITY = 'high'                          | 17",
                "TASK.PRIORITY < 3 AND                           | 22",
                "TASK.NAME = 'open                               | 13",
                "(TASK.PRIORITY < 3                              | 19",
                "TASK.NAME LIKE '%evil'                          | 16",
                "TASK.PRIORITY >> 3                              | 15",
                "TASK.STATE = TASK.STATE.STATE_SLEEPING          | 14",
                "WORK_ITEM.REASON = WORK_ITEM.REASON.REASON_BOSS | 20",
                "TASK.PRIORITY = 1 TASK.PRIORITY = 2             | 19",
                "TASK.NAME = 'a' UNION SELECT 1                  | 17"
            })
    void anythingOutsideTheGrammarIsA400AtItsPosition(String clause, int position) {
        HtmException e = assertThrows(HtmException.class, () -> WhereClause.parse(clause.trim()));
        assertEquals(400, e.status());
        assertEquals("whereClause", e.parameters().get(0));
        assertTrue(e.getMessage().contains("at position " + position + ":"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String clause = "(".repeat(100) + "TASK.PRIORITY = 1" + ")".repeat(100);
        assertEquals(
                400,
                assertThrows(HtmException.class, () -> WhereClause.parse(clause))
                        .status());
    }

    @Test
    void orderByClause() {
        assertEquals(
                List.of(new SortKey(TaskField.PRIORITY, false), new SortKey(TaskField.DUE_TIME, true)),
                WhereClause.orderBy("TASK.PRIORITY ASC, TASK.DUE DESC"));
        assertEquals(SortKey.DEFAULT, WhereClause.orderBy(null));
        assertEquals(
                400,
                assertThrows(HtmException.class, () -> WhereClause.orderBy("TASK.PRIORITY; DROP"))
                        .status());
        assertEquals(
                400,
                assertThrows(HtmException.class, () -> WhereClause.orderBy("TASK.OWNER"))
                        .status());
    }
}
