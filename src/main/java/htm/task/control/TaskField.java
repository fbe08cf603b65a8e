package htm.task.control;

import htm.task.entity.Task;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskState;
import java.time.Instant;

/** A task property that queries may filter or sort on, with its JPQL path and the type of its values. */
public enum TaskField {
    TKIID("t.tkiid", String.class, false),
    NAME("t.name", String.class, false),
    NAMESPACE("t.namespace", String.class, true),
    STATE("t.state", TaskState.class, false),
    KIND("t.kind", TaskKind.class, false),
    PRIORITY("t.priority", Integer.class, false),
    OWNER("t.owner", String.class, true),
    ORIGINATOR("t.originator", String.class, false),
    STARTER("t.starter", String.class, true),
    DUE_TIME("t.dueTime", Instant.class, true),
    EXPIRATION_TIME("t.expirationTime", Instant.class, true),
    ACTIVATION_TIME("t.activationTime", Instant.class, true),
    CREATION_TIME("t.creationTime", Instant.class, false),
    COMPLETION_TIME("t.completionTime", Instant.class, true),
    SUSPENDED("t.suspended", Boolean.class, false),
    ESCALATED("t.escalated", Boolean.class, false),
    PARENT_CONTEXT_ID("t.parentContextID", String.class, true),
    TOP_LEVEL_TASK_ID("t.topLevelTaskID", String.class, false),
    CONTAINMENT_CONTEXT_ID("t.containmentContextID", String.class, true);

    private final String path;
    private final Class<?> type;
    private final boolean nullable;

    TaskField(String path, Class<?> type, boolean nullable) {
        this.path = path;
        this.type = type;
        this.nullable = nullable;
    }

    public String path() {
        return path;
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
