package htm.worklist.control;

import htm.task.entity.Task;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A task property that queries may filter or sort on, with its JPQL path, its SQL column and the type of its values. */
public enum TaskField {
    TKIID("t.tkiid", "tkiid", String.class, false),
    NAME("t.name", "name", String.class, false),
    NAMESPACE("t.namespace", "namespace", String.class, true),
    STATE("t.state", "state", TaskState.class, false),
    KIND("t.kind", "kind", TaskKind.class, false),
    PRIORITY("t.priority", "priority", Integer.class, false),
    OWNER("t.owner", "owner", String.class, true),
    ORIGINATOR("t.originator", "originator", String.class, false),
    STARTER("t.starter", "starter", String.class, true),
    DUE_TIME("t.dueTime", "due_time", Instant.class, true),
    EXPIRATION_TIME("t.expirationTime", "expiration_time", Instant.class, true),
    ACTIVATION_TIME("t.activationTime", "activation_time", Instant.class, true),
    CREATION_TIME("t.creationTime", "creation_time", Instant.class, false),
    COMPLETION_TIME("t.completionTime", "completion_time", Instant.class, true),
    SUSPENDED("t.suspended", "suspended", Boolean.class, false),
    ESCALATED("t.escalated", "escalated", Boolean.class, false),
    PARENT_CONTEXT_ID("t.parentContextID", "parent_context_id", String.class, true),
    TOP_LEVEL_TASK_ID("t.topLevelTaskID", "top_level_task_id", String.class, false),
    CONTAINMENT_CONTEXT_ID("t.containmentContextID", "containment_context_id", String.class, true);

    /** The list columns that every work item carries a copy of (htm.task.entity.WorkItem). */
    private static final Set<TaskField> IN_WORK_ITEM =
            EnumSet.of(TKIID, NAME, STATE, PRIORITY, DUE_TIME, ACTIVATION_TIME, CREATION_TIME, SUSPENDED);

    private final String path;
    private final String column;
    private final Class<?> type;
    private final boolean nullable;

    TaskField(String path, String column, Class<?> type, boolean nullable) {
        this.path = path;
        this.column = column;
        this.type = type;
        this.nullable = nullable;
    }

    /** Its path in JPQL, on a Task named t. */
    public String path() {
        return path;
    }

    /** Its column in SQL: on the work item w when work items carry it, else on the task t. */
    public String column() {
        return !IN_WORK_ITEM.contains(this) ? "t." + column : this == TKIID ? "w.task_id" : "w." + column;
    }

    public boolean isInWorkItem() {
        return IN_WORK_ITEM.contains(this);
    }

    public Class<?> type() {
        return type;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** This field's value on a task. */
    public Object of(Task task) {
        return switch (this) {
            case TKIID -> task.tkiid();
            case NAME -> task.name();
            case NAMESPACE -> task.namespace();
            case STATE -> task.state();
            case KIND -> task.kind();
            case PRIORITY -> task.priority();
            case OWNER -> task.owner();
            case ORIGINATOR -> task.originator();
            case STARTER -> task.starter();
            case DUE_TIME -> task.dueTime();
            case EXPIRATION_TIME -> task.expirationTime();
            case ACTIVATION_TIME -> task.activationTime();
            case CREATION_TIME -> task.creationTime();
            case COMPLETION_TIME -> task.completionTime();
            case SUSPENDED -> task.isSuspended();
            case ESCALATED -> task.isEscalated();
            case PARENT_CONTEXT_ID -> task.parentContextID();
            case TOP_LEVEL_TASK_ID -> task.topLevelTaskID();
            case CONTAINMENT_CONTEXT_ID -> task.containmentContextID();
        };
    }
}
