package htm.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.task.control.TaskCondition.Circumstance;
import htm.task.entity.Capability;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import htm.task.entity.Transition;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every state × suspension × action, against a table written the way API.md §4 states the rules. */
class TaskLifecycleTest {

    /*
     * Columns: INACTIVE READY CLAIMED FINISHED FAILED TERMINATED EXPIRED FORWARDED.
     * A cell is the state the action leads to (I R C F X T E W), lower-case s when the task is suspended
     * afterwards, or '.' when the action is illegal. Left of '|': the task is not suspended; right: it is.
     */
    private static final Map<TaskAction, String> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(TaskAction.CREATE, ". . . . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.START, "R . . . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.CLAIM, ". C . . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.CANCEL_CLAIM, ". . R . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.COMPLETE, ". . F . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.FAIL, ". . X . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.SUSPEND, ". Rs Cs . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.RESUME, ". . . . . . . . | . R C . . . . ."),
            Map.entry(TaskAction.TERMINATE, "T T T . . . . . | T T T . . . . ."),
            Map.entry(TaskAction.SUSPEND_AND_CANCEL_CLAIM, ". . Rs . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.RESTART, ". . . . R R R . | . . . . R R R ."),
            Map.entry(TaskAction.DELEGATE, ". . C . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.RESOLVE, ". . . . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK, ". . W . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.DELETE, "I . . F X T E W | Is . . Fs Xs Ts Es Ws"),
            Map.entry(TaskAction.UPDATE, "I R C . . . . . | Is Rs Cs . . . . ."),
            Map.entry(TaskAction.TRANSFER, ". . C . . . . . | . . Cs . . . . ."),
            Map.entry(TaskAction.ASSIGN, ". C . . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.TRANSFER_WORK_ITEM, "I R C . . . . . | Is Rs Cs . . . . ."),
            Map.entry(TaskAction.SET_CUSTOM_PROPERTY, "I R C F X T E W | Is Rs Cs Fs Xs Ts Es Ws"),
            Map.entry(TaskAction.SET_INPUT, "I R C . . . . . | Is Rs Cs . . . . ."),
            Map.entry(TaskAction.SET_OUTPUT, ". . C . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.SET_FAULT, ". . C . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.ADD_COMMENT, "I R C F X T E W | Is Rs Cs Fs Xs Ts Es Ws"),
            Map.entry(TaskAction.CREATE_SUBTASK, ". . C . . . . . | . . . . . . . ."),
            Map.entry(TaskAction.EXPIRE, ". E E . . . . . | . E E . . . . ."),
            Map.entry(TaskAction.ESCALATE, ". R C . . . . . | . Rs Cs . . . . ."),
            Map.entry(TaskAction.ROUTE, ". . C . . . . . | . . . . . . . .")));

    private static final String STATE_LETTERS = "IRCFXTEW";

    @Test
    void everyActionInEveryStateWithAndWithoutSuspension() {
        assertEquals(TaskAction.values().length, EXPECTED.size(), "the table covers every action");
        for (TaskAction action : TaskAction.values()) {
            String[] halves = EXPECTED.get(action).split("\\|");
            for (int suspended = 0; suspended < 2; suspended++) {
                String[] cells = halves[suspended].trim().split("\\s+");
                assertEquals(TaskState.values().length, cells.length, action + " has a cell per state");
                for (TaskState state : TaskState.values()) {
                    TaskCondition condition =
                            suspended == 1 ? TaskCondition.of(state, Circumstance.SUSPENDED) : TaskCondition.of(state);
                    Optional<Transition> actual = TaskLifecycle.transition(condition, action);
                    assertEquals(
                            cells[state.ordinal()],
                            cell(actual),
                            action + " from " + state + (suspended == 1 ? " (suspended)" : ""));
                }
            }
        }
    }

    @Test
    void aSuspendedReadyTaskCanBeClaimedOnlyWhenTheTaskSupportsIt() {
        TaskCondition suspendedReady = new TaskCondition(
                TaskState.STATE_READY, Set.of(Circumstance.SUSPENDED), EnumSet.allOf(Capability.class));
        Transition claim =
                TaskLifecycle.transition(suspendedReady, TaskAction.CLAIM).orElseThrow();
        assertEquals(TaskState.STATE_CLAIMED, claim.to());
        assertTrue(claim.suspendedAfter(), "claiming does not resume the task");
        assertFalse(TaskLifecycle.transition(
                        TaskCondition.of(TaskState.STATE_READY, Circumstance.SUSPENDED), TaskAction.CLAIM)
                .isPresent());
    }

    @Test
    void aDelegatedTaskIsResolvedBeforeAnythingElseEndsIt() {
        TaskCondition delegated = TaskCondition.of(TaskState.STATE_CLAIMED, Circumstance.DELEGATED);
        assertEquals(
                TaskState.STATE_CLAIMED,
                TaskLifecycle.transition(delegated, TaskAction.RESOLVE)
                        .orElseThrow()
                        .to());
        for (TaskAction action : List.of(
                TaskAction.CANCEL_CLAIM,
                TaskAction.SUSPEND_AND_CANCEL_CLAIM,
                TaskAction.DELEGATE,
                TaskAction.COMPLETE,
                TaskAction.FAIL,
                TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK)) {
            assertFalse(TaskLifecycle.transition(delegated, action).isPresent(), action.name());
        }
    }

    @Test
    void openSubtasksHoldTheParentBackFromEnding() {
        TaskCondition waiting = TaskCondition.of(TaskState.STATE_CLAIMED, Circumstance.WAITING_FOR_SUBTASK);
        for (TaskAction action :
                List.of(TaskAction.COMPLETE, TaskAction.FAIL, TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK)) {
            assertFalse(TaskLifecycle.transition(waiting, action).isPresent(), action.name());
        }
        assertTrue(TaskLifecycle.transition(waiting, TaskAction.TERMINATE).isPresent());
    }

    @Test
    void whatATaskDoesNotSupportIsIllegal() {
        TaskCondition plain = new TaskCondition(TaskState.STATE_CLAIMED, Set.of(), Set.of());
        for (TaskAction action :
                List.of(TaskAction.DELEGATE, TaskAction.CREATE_SUBTASK, TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK)) {
            assertFalse(TaskLifecycle.transition(plain, action).isPresent(), action.name());
        }
        assertTrue(TaskLifecycle.transition(plain, TaskAction.COMPLETE).isPresent());
    }

    @Test
    void legalActionsListsExactlyTheActionsWithATransition() {
        assertEquals(
                EnumSet.of(
                        TaskAction.CLAIM,
                        TaskAction.ASSIGN,
                        TaskAction.SUSPEND,
                        TaskAction.TERMINATE,
                        TaskAction.UPDATE,
                        TaskAction.TRANSFER_WORK_ITEM,
                        TaskAction.SET_INPUT,
                        TaskAction.SET_CUSTOM_PROPERTY,
                        TaskAction.ADD_COMMENT,
                        TaskAction.EXPIRE,
                        TaskAction.ESCALATE),
                TaskLifecycle.legalActions(TaskCondition.of(TaskState.STATE_READY)));
    }

    @Test
    void htmActionNamesDropTheUnderscores() {
        assertEquals("ACTION_CANCELCLAIM", TaskAction.CANCEL_CLAIM.htmName());
        assertEquals("ACTION_CLAIM", TaskAction.CLAIM.htmName());
    }

    private static String cell(Optional<Transition> transition) {
        return transition
                .map(t -> STATE_LETTERS.charAt(t.to().ordinal()) + (t.suspendedAfter() ? "s" : ""))
                .orElse(".");
    }
}
