package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Caller;
import htm.task.control.TaskCondition;
import htm.task.control.TaskLifecycle;
import htm.task.control.TaskLimits;
import htm.task.control.TaskPermissions;
import htm.task.entity.Escalation;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import htm.task.entity.Transition;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The guarded way to a task, shared by the facades and run inside their transactions. The order of the
 * checks is the contract: invisible 404, stale ETag 412, illegal in this state 409, not allowed 403.
 */
@Dependent
public class TaskAccess {

    private static final EnumSet<TaskState> OPEN =
            EnumSet.of(TaskState.STATE_INACTIVE, TaskState.STATE_READY, TaskState.STATE_CLAIMED);
    /** The actions by which a caller can make a task hold more people or properties. */
    private static final EnumSet<TaskAction> GROWING =
            EnumSet.of(TaskAction.UPDATE, TaskAction.SET_CUSTOM_PROPERTY, TaskAction.TRANSFER_WORK_ITEM);

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TaskActivity activity;

    @Inject
    Routing routing;

    @Inject
    TaskLimits limits;

    /** What an action does to a task once it is known to be visible, current, legal and allowed. */
    @FunctionalInterface
    public interface Step {
        void apply(Task task, Transition transition, String caller, Instant now);
    }

    public Caller caller() {
        return currentCaller.get();
    }

    /** The task, if the caller may see it; 404 alike for a missing and an invisible one. */
    public Task readable(String tkiid) {
        return visible(tkiid, caller(), LockModeType.NONE);
    }

    /** Who may take an action on a task: HTM's rules, or a client system's own (Alfresco's). */
    @FunctionalInterface
    public interface Permission {
        boolean allows(Caller caller, Task task, TaskAction action);
    }

    /** Locks the task, checks every rule for the action and applies the step. */
    public Task act(String tkiid, String ifMatch, TaskAction action, Step step) {
        return act(tkiid, ifMatch, action, TaskPermissions::may, step);
    }

    public Task act(String tkiid, String ifMatch, TaskAction action, Permission permission, Step step) {
        long started = System.nanoTime();
        Caller caller = caller();
        Task task = visible(tkiid, caller, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null && !etagMatches(ifMatch, task.etag())) {
            throw HtmException.preconditionFailed(tkiid, ifMatch, "\"" + task.etag() + "\"");
        }
        Transition transition = transition(task, action);
        if (!permission.allows(caller, task, action)) {
            if (TaskPermissions.lostOwnership(caller, task, action)) {
                throw HtmException.ownerChanged(tkiid, task.owner(), action.htmName());
            }
            throw HtmException.forbidden(caller.name(), action.htmName(), tkiid);
        }
        Instant now = Instant.now();
        step.apply(task, transition, caller.name(), now);
        if (GROWING.contains(action)) {
            limits.check(task);
        }
        activity.acted(caller.name(), action, tkiid, transition.from(), transition.to(), started);
        if (transition.from().isEnd() != transition.to().isEnd()) {
            refreshParent(task, now);
        }
        em.flush();
        return task;
    }

    /** Stores a new task, started (STATE_READY) unless it is to wait (STATE_INACTIVE). */
    public Task add(Task task, boolean start, Instant now) {
        limits.check(task);
        if (start) {
            task.start(transition(task, TaskAction.START), task.originator(), now);
        }
        em.persist(task);
        activity.created(task.originator(), task.tkiid(), task.state());
        return task;
    }

    /** The step the action takes from the task's condition now; 409 naming state and action when illegal. */
    public static Transition transition(Task task, TaskAction action) {
        return TaskLifecycle.transition(TaskCondition.of(task), action).orElseThrow(() ->
                HtmException.illegalInState(task.tkiid(), describe(task), action.htmName()));
    }

    private static String describe(Task task) {
        return task.state().name() + (task.isSuspended() ? " (suspended)" : "")
                + (task.delegate() != null ? " (delegated)" : "")
                + (task.isWaitingForSubTask() ? " (waiting for subtasks)" : "");
    }

    /**
     * Fires an escalation of the task. One that hands the task to a group first takes it from its owner, so
     * that the group can claim it.
     */
    public void escalate(Task task, Escalation escalation, String principal, Instant now) {
        if (escalation.rule().transferToGroup() != null) {
            releaseClaim(task, principal, now);
        }
        task.escalate(transition(task, TaskAction.ESCALATE), escalation, principal, now);
    }

    /** Gives a claimed task back to its potential owners, keeping its draft output, when it can be. */
    public void releaseClaim(Task task, String principal, Instant now) {
        TaskLifecycle.transition(TaskCondition.of(task), TaskAction.CANCEL_CLAIM)
                .ifPresent(release -> task.cancelClaim(release, principal, true, now));
    }

    /**
     * A parent waits while any task in its context (subtasks and their follow-ons) is open; a subtask that
     * asked a participant of a route answers it.
     */
    public void refreshParent(Task child, Instant now) {
        if (child.parentContextID() == null) {
            return;
        }
        Task parent = em.find(Task.class, child.parentContextID(), LockModeType.PESSIMISTIC_WRITE);
        if (parent == null) {
            return;
        }
        recountSubtasks(parent, now);
        if (child.state().isEnd()) {
            routing.answered(parent, child, now);
        }
    }

    /** Whether the task waits for subtasks now: while any task in its context is open. */
    public void recountSubtasks(Task parent, Instant now) {
        em.flush();
        long open = em.createQuery("select count(t) from Task t where t.parentContextID = :parent and t.state in :open",
                Long.class).setParameter("parent", parent.tkiid()).setParameter("open", OPEN).getSingleResult();
        parent.waitForSubtasks(open > 0, now);
    }

    private Task visible(String tkiid, Caller caller, LockModeType lock) {
        Task task = tkiid == null || tkiid.length() > 36 ? null : em.find(Task.class, tkiid, lock);
        if (task == null || !TaskPermissions.sees(caller, task)) {
            throw HtmException.taskNotFound(tkiid);
        }
        return task;
    }

    static boolean etagMatches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.replace("\"", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
