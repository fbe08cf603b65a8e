package htm.task.control;

import htm.task.entity.Capability;
import htm.task.entity.Task;
import htm.task.entity.TaskState;
import java.util.EnumSet;
import java.util.Set;

/** What the lifecycle looks at to decide whether an action is legal now. */
public record TaskCondition(TaskState state, Set<Circumstance> circumstances, Set<Capability> capabilities) {

    /** What may hold of a task beside its state. */
    public enum Circumstance {
        SUSPENDED,
        DELEGATED,
        WAITING_FOR_SUBTASK
    }

    public TaskCondition {
        circumstances = circumstances.isEmpty() ? EnumSet.noneOf(Circumstance.class) : EnumSet.copyOf(circumstances);
        capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /** A task in that state with those circumstances, with every capability but claiming while suspended. */
    public static TaskCondition of(TaskState state, Circumstance... circumstances) {
        Set<Circumstance> set = EnumSet.noneOf(Circumstance.class);
        set.addAll(Set.of(circumstances));
        return new TaskCondition(state, set, EnumSet.complementOf(EnumSet.of(Capability.CLAIM_IF_SUSPENDED)));
    }

    public static TaskCondition of(Task task) {
        Set<Circumstance> circumstances = EnumSet.noneOf(Circumstance.class);
        if (task.isSuspended()) {
            circumstances.add(Circumstance.SUSPENDED);
        }
        if (task.delegate() != null) {
            circumstances.add(Circumstance.DELEGATED);
        }
        if (task.isWaitingForSubTask()) {
            circumstances.add(Circumstance.WAITING_FOR_SUBTASK);
        }
        return new TaskCondition(task.state(), circumstances, task.capabilities());
    }

    public boolean suspended() {
        return circumstances.contains(Circumstance.SUSPENDED);
    }

    public boolean delegated() {
        return circumstances.contains(Circumstance.DELEGATED);
    }

    public boolean waitingForSubTask() {
        return circumstances.contains(Circumstance.WAITING_FOR_SUBTASK);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}
