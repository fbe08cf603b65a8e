package htm.task.control;

import static htm.task.entity.TaskState.STATE_CLAIMED;
import static htm.task.entity.TaskState.STATE_EXPIRED;
import static htm.task.entity.TaskState.STATE_FAILED;
import static htm.task.entity.TaskState.STATE_FINISHED;
import static htm.task.entity.TaskState.STATE_FORWARDED;
import static htm.task.entity.TaskState.STATE_INACTIVE;
import static htm.task.entity.TaskState.STATE_READY;
import static htm.task.entity.TaskState.STATE_TERMINATED;

import htm.task.entity.Capability;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import htm.task.entity.Transition;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The task state machine (API.md §3, §4) as one table: for each action, the states it is legal in, what the
 * suspension flag must be, and where it leads. Every (state, suspended, action) not in the table is illegal.
 */
public final class TaskLifecycle {

    /** What the suspension flag must be for an action to be legal. */
    enum Suspension {
        MUST_NOT_BE,
        MUST_BE,
        EITHER
    }

    /** Where an action leaves the suspension flag. */
    enum SuspensionAfter {
        UNCHANGED,
        SET,
        CLEARED
    }

    /** What else must hold of the task, beside its state and suspension. */
    enum Need {
        DELEGATION_SUPPORTED,
        SUBTASKS_SUPPORTED,
        FOLLOW_ON_SUPPORTED,
        DELEGATED,
        NOT_DELEGATED,
        NO_OPEN_SUBTASK;

        boolean isMet(TaskCondition c) {
            return switch (this) {
                case DELEGATION_SUPPORTED -> c.supports(Capability.DELEGATION);
                case SUBTASKS_SUPPORTED -> c.supports(Capability.SUB_TASKS);
                case FOLLOW_ON_SUPPORTED -> c.supports(Capability.FOLLOW_ON_TASKS);
                case DELEGATED -> c.delegated();
                case NOT_DELEGATED -> !c.delegated();
                case NO_OPEN_SUBTASK -> !c.waitingForSubTask();
            };
        }
    }

    /** @param to null: the action leaves the state as it is */
    record Rule(Set<TaskState> from, Suspension suspension, TaskState to, SuspensionAfter after, Set<Need> needs) {}

    private static final Set<TaskState> OPEN = TaskState.open();
    private static final Set<TaskState> WORKING = TaskState.working();
    private static final Set<TaskState> CLAIMED = EnumSet.of(STATE_CLAIMED);
    private static final Set<TaskState> DELETABLE =
            EnumSet.of(STATE_INACTIVE, STATE_FINISHED, STATE_FAILED, STATE_TERMINATED, STATE_EXPIRED, STATE_FORWARDED);

    private static final Map<TaskAction, Rule> RULES = new EnumMap<>(TaskAction.class);

    static {
        rule(
                TaskAction.START,
                EnumSet.of(STATE_INACTIVE),
                Suspension.MUST_NOT_BE,
                STATE_READY,
                SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.CLAIM,
                EnumSet.of(STATE_READY),
                Suspension.MUST_NOT_BE,
                STATE_CLAIMED,
                SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.CANCEL_CLAIM,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                STATE_READY,
                SuspensionAfter.UNCHANGED,
                Need.NOT_DELEGATED);
        rule(
                TaskAction.COMPLETE,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                STATE_FINISHED,
                SuspensionAfter.UNCHANGED,
                Need.NO_OPEN_SUBTASK,
                Need.NOT_DELEGATED);
        rule(
                TaskAction.FAIL,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                STATE_FAILED,
                SuspensionAfter.UNCHANGED,
                Need.NO_OPEN_SUBTASK,
                Need.NOT_DELEGATED);
        rule(TaskAction.SUSPEND, WORKING, Suspension.MUST_NOT_BE, null, SuspensionAfter.SET);
        rule(TaskAction.RESUME, WORKING, Suspension.MUST_BE, null, SuspensionAfter.CLEARED);
        rule(TaskAction.TERMINATE, OPEN, Suspension.EITHER, STATE_TERMINATED, SuspensionAfter.CLEARED);
        rule(
                TaskAction.SUSPEND_AND_CANCEL_CLAIM,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                STATE_READY,
                SuspensionAfter.SET,
                Need.NOT_DELEGATED);
        rule(
                TaskAction.RESTART,
                EnumSet.of(STATE_FAILED, STATE_EXPIRED, STATE_TERMINATED),
                Suspension.EITHER,
                STATE_READY,
                SuspensionAfter.CLEARED);
        rule(
                TaskAction.DELEGATE,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                null,
                SuspensionAfter.UNCHANGED,
                Need.DELEGATION_SUPPORTED,
                Need.NOT_DELEGATED);
        rule(TaskAction.RESOLVE, CLAIMED, Suspension.MUST_NOT_BE, null, SuspensionAfter.UNCHANGED, Need.DELEGATED);
        rule(
                TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                STATE_FORWARDED,
                SuspensionAfter.UNCHANGED,
                Need.FOLLOW_ON_SUPPORTED,
                Need.NO_OPEN_SUBTASK,
                Need.NOT_DELEGATED);
        rule(TaskAction.DELETE, DELETABLE, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(TaskAction.UPDATE, OPEN, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(TaskAction.TRANSFER, CLAIMED, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.ASSIGN,
                EnumSet.of(STATE_READY),
                Suspension.MUST_NOT_BE,
                STATE_CLAIMED,
                SuspensionAfter.UNCHANGED);
        rule(TaskAction.TRANSFER_WORK_ITEM, OPEN, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(TaskAction.SET_INPUT, OPEN, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(TaskAction.SET_OUTPUT, CLAIMED, Suspension.MUST_NOT_BE, null, SuspensionAfter.UNCHANGED);
        rule(TaskAction.SET_FAULT, CLAIMED, Suspension.MUST_NOT_BE, null, SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.SET_CUSTOM_PROPERTY,
                EnumSet.allOf(TaskState.class),
                Suspension.EITHER,
                null,
                SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.ADD_COMMENT,
                EnumSet.allOf(TaskState.class),
                Suspension.EITHER,
                null,
                SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.CREATE_SUBTASK,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                null,
                SuspensionAfter.UNCHANGED,
                Need.SUBTASKS_SUPPORTED);
        rule(TaskAction.EXPIRE, WORKING, Suspension.EITHER, STATE_EXPIRED, SuspensionAfter.CLEARED);
        rule(TaskAction.ESCALATE, WORKING, Suspension.EITHER, null, SuspensionAfter.UNCHANGED);
        rule(
                TaskAction.ROUTE,
                CLAIMED,
                Suspension.MUST_NOT_BE,
                null,
                SuspensionAfter.UNCHANGED,
                Need.SUBTASKS_SUPPORTED,
                Need.NOT_DELEGATED);
        // CREATE has no rule: it makes a task and never applies to one that exists.
    }

    private static void rule(
            TaskAction action,
            Set<TaskState> from,
            Suspension suspension,
            TaskState to,
            SuspensionAfter after,
            Need... needs) {
        RULES.put(action, new Rule(Set.copyOf(from), suspension, to, after, Set.of(needs)));
    }

    private TaskLifecycle() {}

    /** The step the action takes from this condition, or empty when the action is illegal now. */
    public static Optional<Transition> transition(TaskCondition condition, TaskAction action) {
        Rule rule = RULES.get(action);
        if (rule == null
                || !rule.from().contains(condition.state())
                || !suspensionAllows(rule, condition, action)
                || !rule.needs().stream().allMatch(need -> need.isMet(condition))) {
            return Optional.empty();
        }
        TaskState to = rule.to() == null ? condition.state() : rule.to();
        boolean suspendedAfter = switch (rule.after()) {
            case UNCHANGED -> condition.suspended();
            case SET -> true;
            case CLEARED -> false;
        };
        return Optional.of(new Transition(action, condition.state(), to, condition.suspended(), suspendedAfter));
    }

    private static boolean suspensionAllows(Rule rule, TaskCondition condition, TaskAction action) {
        return switch (rule.suspension()) {
            case EITHER -> true;
            case MUST_BE -> condition.suspended();
            case MUST_NOT_BE ->
                !condition.suspended()
                        || (action == TaskAction.CLAIM && condition.supports(Capability.CLAIM_IF_SUSPENDED));
        };
    }

    /** Every action legal from this condition. */
    public static Set<TaskAction> legalActions(TaskCondition condition) {
        return Arrays.stream(TaskAction.values())
                .filter(action -> transition(condition, action).isPresent())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskAction.class)));
    }
}
