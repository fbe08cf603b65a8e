package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.routing.boundary.Routing;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Caller;
import htm.task.control.Actor;
import htm.task.control.TaskLimits;
import htm.task.control.TaskPermissions;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The way to a task the caller may see, shared by the facades and run inside their transactions; the task
 * itself decides whether an action is legal and allowed.
 */
@Dependent
public class TaskAccess {

    /** The actions by which a caller can make a task hold more people or properties. */
    private static final EnumSet<TaskAction> GROWING =
            EnumSet.of(TaskAction.UPDATE, TaskAction.SET_CUSTOM_PROPERTY, TaskAction.TRANSFER_WORK_ITEM);

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Routing routing;

    @Inject
    TaskLimits limits;

    /** What an action does to a task once it is known to be visible and current: one method of the task. */
    @FunctionalInterface
    public interface Step {
        void apply(Task task, Actor actor, Instant now);
    }

    public Caller caller() {
        return currentCaller.get();
    }

    /** The task, if the caller may see it; 404 alike for a missing and an invisible one. */
    public Task readable(String tkiid) {
        return visible(tkiid, caller(), LockModeType.NONE);
    }

    /** Locks the task and takes one action on it, under HTM's rules. */
    public Task act(String tkiid, String ifMatch, TaskAction action, Step step) {
        return act(tkiid, ifMatch, action, Actor.of(caller()), step);
    }

    /**
     * Locks the task and takes one action on it as the actor. The order of the checks is the contract: a role
     * that does not allow the action 403 (before the task is looked up), invisible 404, stale ETag 412, then, before anything else of the request is looked at, illegal in this state 409 and
     * not allowed 403 (the task's own rules, which its action applies once more).
     */
    public Task act(String tkiid, String ifMatch, TaskAction action, Actor actor, Step step) {
        if (!actor.roleAllows(action)) {
            throw HtmException.roleRefuses(actor.name(), action.htmName());
        }
        Task task = visible(tkiid, actor.caller(), LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null && !etagMatches(ifMatch, task.etag())) {
            throw HtmException.preconditionFailed(tkiid, ifMatch, "\"" + task.etag() + "\"");
        }
        task.check(actor, action);
        boolean ended = task.state().isEnd();
        Instant now = Instant.now();
        step.apply(task, actor, now);
        if (GROWING.contains(action)) {
            limits.check(task);
        }
        if (ended != task.state().isEnd()) {
            refreshParent(task, now);
        }
        em.flush();
        return task;
    }

    /** Stores a new task, started (STATE_READY) by its originator unless it is to wait (STATE_INACTIVE). */
    public Task add(Task task, boolean start, Instant now) {
        limits.check(task);
        if (start) {
            task.start(Actor.inTheNameOf(task.originator()), now);
        }
        em.persist(task);
        return task;
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
        long open = em.createQuery(
                        "select count(t) from Task t where t.parentContextID = :parent and t.state in :open",
                        Long.class)
                .setParameter("parent", parent.tkiid())
                .setParameter("open", TaskState.open())
                .getSingleResult();
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
