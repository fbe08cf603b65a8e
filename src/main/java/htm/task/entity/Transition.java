package htm.task.entity;

/** A legal step of the lifecycle: the action, and the state and suspension before and after it. */
public record Transition(
        TaskAction action, TaskState from, TaskState to, boolean suspendedBefore, boolean suspendedAfter) {

    public boolean changesState() {
        return from != to;
    }
}
