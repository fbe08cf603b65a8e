package htm.task.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.security.control.Caller;
import htm.task.control.TaskCondition;
import htm.task.control.TaskFilter;
import htm.task.control.TaskLifecycle;
import htm.task.control.TaskPermissions;
import htm.task.control.TaskQuery;
import htm.task.entity.HistoryEntry;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskDefinition;
import htm.task.entity.Transition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * The task use cases: each public method is one transaction, run as the authenticated caller. The order of
 * the checks is the contract: invisible 404, stale ETag 412, illegal in this state 409, not allowed 403.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class Tasks {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @RolesAllowed({APIWRITE_NAME, ADMIN_NAME})
    public VersionedTask create(TaskDefinition definition, boolean start) {
        Caller caller = currentCaller.get();
        Instant now = Instant.now();
        Task task = Task.create(definition, caller.name(), now);
        if (start) {
            task.start(transition(task, TaskAction.START), caller.name(), now);
        }
        em.persist(task);
        em.flush();
        return VersionedTask.of(task);
    }

    public VersionedTask find(String tkiid) {
        return VersionedTask.of(visible(tkiid, LockModeType.NONE));
    }

    public String input(String tkiid) {
        return visible(tkiid, LockModeType.NONE).input();
    }

    public String output(String tkiid) {
        return visible(tkiid, LockModeType.NONE).output();
    }

    public List<HistoryEntry> history(String tkiid) {
        visible(tkiid, LockModeType.NONE);
        return em.createQuery("select h from HistoryEntry h where h.task.tkiid = :tkiid order by h.eventTime, h.id",
                HistoryEntry.class).setParameter("tkiid", tkiid).getResultList();
    }

    public TaskList list(TaskFilter filter) {
        TaskQuery query = new TaskQuery(filter, currentCaller.get());
        TypedQuery<Task> select = em.createQuery(query.select(), Task.class)
                .setFirstResult(filter.offset()).setMaxResults(filter.size());
        query.parameters().forEach(select::setParameter);
        List<TaskView> items = select.getResultList().stream().map(TaskView::of).toList();
        Long total = null;
        if (filter.count()) {
            TypedQuery<Long> count = em.createQuery(query.count(), Long.class);
            query.parameters().forEach(count::setParameter);
            total = count.getSingleResult();
        }
        return new TaskList(total, items);
    }

    public VersionedTask claim(String tkiid, String ifMatch) {
        return act(tkiid, ifMatch, TaskAction.CLAIM, (task, step, caller, now) -> task.claim(step, caller, now));
    }

    public VersionedTask cancelClaim(String tkiid, boolean keepTaskData, String ifMatch) {
        return act(tkiid, ifMatch, TaskAction.CANCEL_CLAIM,
                (task, step, caller, now) -> task.cancelClaim(step, caller, keepTaskData, now));
    }

    @RolesAllowed({APIWRITE_NAME, ADMIN_NAME})
    public VersionedTask complete(String tkiid, String output, String ifMatch) {
        return act(tkiid, ifMatch, TaskAction.COMPLETE,
                (task, step, caller, now) -> task.complete(step, caller, output, now));
    }

    /** What an action does to a task once it is known to be visible, current, legal and allowed. */
    @FunctionalInterface
    interface Step {
        void apply(Task task, Transition transition, String caller, Instant now);
    }

    private VersionedTask act(String tkiid, String ifMatch, TaskAction action, Step step) {
        Caller caller = currentCaller.get();
        Task task = visible(tkiid, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null && !etagMatches(ifMatch, task.etag())) {
            throw HtmException.preconditionFailed(tkiid, ifMatch, "\"" + task.etag() + "\"");
        }
        Transition transition = transition(task, action);
        if (!TaskPermissions.may(caller, task, action)) {
            throw HtmException.forbidden(caller.name(), action.htmName(), tkiid);
        }
        step.apply(task, transition, caller.name(), Instant.now());
        em.flush();
        return VersionedTask.of(task);
    }

    private Task visible(String tkiid, LockModeType lock) {
        Task task = tkiid == null || tkiid.length() > 36 ? null : em.find(Task.class, tkiid, lock);
        if (task == null || !TaskPermissions.sees(currentCaller.get(), task)) {
            throw HtmException.taskNotFound(tkiid);
        }
        return task;
    }

    private static Transition transition(Task task, TaskAction action) {
        return TaskLifecycle.transition(TaskCondition.of(task), action).orElseThrow(() ->
                HtmException.illegalInState(task.tkiid(), task.state().name()
                        + (task.isSuspended() ? " (suspended)" : ""), action.htmName()));
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
