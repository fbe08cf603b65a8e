package htm.task.control;

import htm.task.entity.TaskState;
import java.util.Set;

/**
 * A work-list query (GET /tasks). Null or empty fields do not filter.
 *
 * @param potentialOwnerOfCaller only tasks the caller may claim: named directly or through a group, not excluded
 */
public record TaskFilter(Set<TaskState> states, String owner, boolean potentialOwnerOfCaller, int offset, int size,
                         boolean count) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public TaskFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }
}
