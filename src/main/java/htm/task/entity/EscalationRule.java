package htm.task.entity;

import java.util.List;

/**
 * One link of an escalation chain: when the task is still in {@code whenStillIn} (any open state when null)
 * {@code after} (ISO-8601) from the due time, or from the link before, the task is escalated: its priority
 * rises to {@code raisePriorityTo}, the {@code receivers} become escalation receivers, the potential owners
 * are replaced by {@code transferToGroup}, and {@code notification} is recorded. Every effect is optional.
 */
public record EscalationRule(
        String name,
        String after,
        TaskState whenStillIn,
        Integer raisePriorityTo,
        List<Assignment> receivers,
        String transferToGroup,
        String notification) {

    public EscalationRule {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
