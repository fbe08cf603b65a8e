package htm.task.control;

import htm.security.control.Caller;
import htm.security.control.Role;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and act on one task (API.md §1, §4): the caller's application roles first, then the people
 * the task names. Seeing needs a work item on the task, unless the caller's role reads every task.
 */
public final class TaskPermissions {

    private TaskPermissions() {}

    public static boolean sees(Caller caller, Task task) {
        return caller.seesEveryTask() || hasWorkItem(caller, task);
    }

    /** The task names the caller, directly or through a group, in any of its people roles. */
    public static boolean hasWorkItem(Caller caller, Task task) {
        String me = caller.name();
        return me.equals(task.owner())
                || me.equals(task.originator())
                || me.equals(task.starter())
                || me.equals(task.delegate())
                || task.people().stream()
                        .anyMatch(
                                a -> a.isGroup() ? caller.groups().contains(a.principal()) : me.equals(a.principal()));
    }

    public static boolean may(Caller caller, Task task, TaskAction action) {
        return roleAllows(caller, action) && (caller.isAdmin() || taskAllows(caller, task, action));
    }

    /**
     * Alfresco's rule (seed 002): besides whom HTM allows, the user who started the process (the task's
     * originator or starter) may claim, unclaim, complete and resolve it — but an excluded owner claims nothing.
     */
    public static boolean mayAsProcessStarter(Caller caller, Task task, TaskAction action) {
        return may(caller, task, action)
                || PROCESS_STARTER_ACTIONS.contains(action)
                        && roleAllows(caller, action)
                        && (caller.name().equals(task.originator())
                                || caller.name().equals(task.starter()))
                        && !(action == TaskAction.CLAIM && isNamed(caller, task, PeopleRole.EXCLUDED_OWNER));
    }

    /**
     * The task is offered to the caller: named as potential owner, directly or through a group, and not excluded
     * (the rule of a claim, and of the work list potentialOwner=me, which WorkItemQuery puts in SQL).
     */
    public static boolean isOffered(Caller caller, Task task) {
        return isNamed(caller, task, PeopleRole.POTENTIAL_OWNER) && !isNamed(caller, task, PeopleRole.EXCLUDED_OWNER);
    }

    /** A user may become the owner as if they had claimed: they are named as potential owner, and not excluded. */
    public static boolean mayOwn(String user, Task task) {
        return task.named(PeopleRole.POTENTIAL_OWNER, false).contains(user)
                && !task.named(PeopleRole.EXCLUDED_OWNER, false).contains(user);
    }

    private static final Set<TaskAction> PROCESS_STARTER_ACTIONS =
            EnumSet.of(TaskAction.CLAIM, TaskAction.CANCEL_CLAIM, TaskAction.COMPLETE, TaskAction.RESOLVE);

    /**
     * The caller owned the task until its owner changed (released, transferred, restarted): an owner-only action
     * they send now lost a race rather than overstepped their rights.
     */
    public static boolean lostOwnership(Caller caller, Task task, TaskAction action) {
        return OWNER_ACTIONS.contains(action)
                && caller.name().equals(task.previousOwner())
                && !caller.name().equals(task.owner());
    }

    private static final Set<TaskAction> OWNER_ACTIONS = EnumSet.of(
            TaskAction.CANCEL_CLAIM,
            TaskAction.COMPLETE,
            TaskAction.FAIL,
            TaskAction.SET_OUTPUT,
            TaskAction.SET_FAULT,
            TaskAction.DELEGATE,
            TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK,
            TaskAction.CREATE_SUBTASK,
            TaskAction.SUSPEND_AND_CANCEL_CLAIM,
            TaskAction.TRANSFER,
            TaskAction.ROUTE);

    /**
     * The application-role gate, HTM's one role table for actions on a task: apiread only claims and releases;
     * support also transfers, assigns and suspends; only admin restarts. (EJB role annotations gate only what
     * touches no task yet: creating one, queries.)
     */
    public static boolean roleAllows(Caller caller, TaskAction action) {
        return switch (action) {
            case CLAIM, CANCEL_CLAIM, ADD_COMMENT -> !caller.roles().isEmpty();
            case TRANSFER, ASSIGN, TRANSFER_WORK_ITEM, SUSPEND, RESUME ->
                caller.has(Role.APIWRITE) || caller.has(Role.SUPPORT) || caller.isAdmin();
            case RESTART -> caller.isAdmin();
            case ESCALATE ->
                caller.has(Role.APIWRITE)
                        || caller.has(Role.SUPPORT)
                        || caller.has(Role.ENGINEERING)
                        || caller.isAdmin();
            case CREATE, EXPIRE -> false;
            default -> caller.has(Role.APIWRITE) || caller.isAdmin();
        };
    }

    private static boolean taskAllows(Caller caller, Task task, TaskAction action) {
        boolean owner = caller.name().equals(task.owner());
        boolean originator = caller.name().equals(task.originator());
        boolean delegate = caller.name().equals(task.delegate());
        boolean support = caller.has(Role.SUPPORT);
        boolean administrator = isNamed(caller, task, PeopleRole.ADMINISTRATOR);
        return switch (action) {
            case CLAIM -> isOffered(caller, task);
            case CANCEL_CLAIM -> owner || administrator;
            case COMPLETE,
                    FAIL,
                    DELEGATE,
                    COMPLETE_WITH_FOLLOW_ON_TASK,
                    CREATE_SUBTASK,
                    SUSPEND_AND_CANCEL_CLAIM,
                    ROUTE -> owner;
            case SET_OUTPUT, SET_FAULT, RESOLVE -> owner || delegate;
            case TRANSFER -> owner || administrator || support;
            case ASSIGN -> administrator || support;
            case TRANSFER_WORK_ITEM, SUSPEND, RESUME -> originator || administrator || support;
            case ESCALATE -> owner || originator || administrator || support || caller.has(Role.ENGINEERING);
            case START, TERMINATE, DELETE -> originator || administrator;
            case UPDATE, SET_CUSTOM_PROPERTY ->
                owner || originator || administrator || isNamed(caller, task, PeopleRole.EDITOR);
            case SET_INPUT -> originator || administrator || isNamed(caller, task, PeopleRole.EDITOR);
            case ADD_COMMENT -> sees(caller, task);
            case RESTART -> administrator;
            case CREATE, EXPIRE -> false;
        };
    }

    private static boolean isNamed(Caller caller, Task task, PeopleRole role) {
        Set<String> users = task.named(role, false);
        Set<String> groups = task.named(role, true);
        return caller.isAnyOf(users, groups);
    }
}
