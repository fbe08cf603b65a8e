package htm.task.control;

import htm.security.control.Caller;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import java.util.Set;

/**
 * Who takes an action on a task, and by whose rules: a caller under HTM's permissions, a caller of Alfresco's
 * API (whose process starter may also claim and complete), or HTM itself — its timers and routes — which the
 * lifecycle binds but no permission does.
 */
public record Actor(Caller caller, Rules rules) {

    public enum Rules {
        HTM,
        ALFRESCO,
        SYSTEM
    }

    /** HTM acting by itself: deadlines, escalations, routes. Its name is in the history. */
    public static final Actor SYSTEM = new Actor(new Caller("system", Set.of(), Set.of()), Rules.SYSTEM);

    /** HTM acting for a user as part of an action already allowed: starting a task its creator made. */
    public static Actor inTheNameOf(String user) {
        return new Actor(new Caller(user, Set.of(), Set.of()), Rules.SYSTEM);
    }

    public static Actor of(Caller caller) {
        return new Actor(caller, Rules.HTM);
    }

    public static Actor ofAlfresco(Caller caller) {
        return new Actor(caller, Rules.ALFRESCO);
    }

    public String name() {
        return caller.name();
    }

    /** The application-role gate, the first check of every action (TaskPermissions' role table). */
    public boolean roleAllows(TaskAction action) {
        return rules == Rules.SYSTEM || TaskPermissions.roleAllows(caller, action);
    }

    public boolean mayTake(Task task, TaskAction action) {
        return switch (rules) {
            case HTM -> TaskPermissions.may(caller, task, action);
            case ALFRESCO -> TaskPermissions.mayAsProcessStarter(caller, task, action);
            case SYSTEM -> true;
        };
    }

    /** Whether the caller may make a user the owner, as if that user had claimed (the on-behalf-of rule). */
    public boolean mayClaimFor(Task task, String user) {
        return mayTake(task, TaskAction.ASSIGN) && TaskPermissions.mayOwn(user, task);
    }
}
