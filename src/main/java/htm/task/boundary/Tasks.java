package htm.task.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.deadline.control.EscalationRules;
import htm.job.entity.Job;
import htm.problem.entity.HtmException;
import htm.routing.boundary.Routing;
import htm.routing.entity.RouteRequest;
import htm.security.control.Caller;
import htm.task.control.TaskCondition;
import htm.task.control.TaskDefinitions;
import htm.task.control.TaskLifecycle;
import htm.task.control.TaskPermissions;
import htm.task.entity.EscalationRule;
import htm.task.entity.HistoryEntry;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskDefinition;
import htm.task.entity.TaskUpdate;
import htm.template.boundary.TaskTemplates;
import htm.template.entity.TaskTemplate;
import htm.worklist.boundary.TaskList;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The task lifecycle use cases: each public method is one transaction, run as the authenticated caller. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class Tasks {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    Routing routing;

    @RolesAllowed({APIWRITE_NAME, ADMIN_NAME})
    public VersionedTask create(TaskDefinition definition, boolean start) {
        Task task = newTask(definition, start, access.caller().name(), Instant.now());
        em.flush();
        return VersionedTask.of(task);
    }

    /** A task made from a template: its defaults under the request's fields, and its escalation chain. */
    @RolesAllowed({APIWRITE_NAME, ADMIN_NAME})
    public VersionedTask createFromTemplate(String tktid, JsonObject request, boolean start) {
        TaskTemplate template = TaskTemplates.template(em, tktid);
        TaskDefinition definition = TaskDefinitions.read(TaskTemplates.requestOver(template, request));
        List<EscalationRule> chain = EscalationRules.chain(TaskTemplates.escalations(template));
        Instant now = Instant.now();
        mayJoinItsJob(definition);
        Task task = Task.create(definition, access.caller().name(), now);
        task.instantiate(template.tktid(), template.name(), chain);
        access.add(task, start, now);
        em.flush();
        return VersionedTask.of(task);
    }

    /** A subtask of a task the caller owns; the parent waits for it before it can complete. */
    public VersionedTask createSubtask(String parentTkiid, TaskDefinition definition, boolean start) {
        Task[] subtask = new Task[1];
        access.act(parentTkiid, null, TaskAction.CREATE_SUBTASK, (parent, actor, now) -> {
            subtask[0] = Task.create(definition, actor.name(), now);
            parent.addSubtask(actor, subtask[0], now);
            mayJoinItsJob(definition);
            access.add(subtask[0], start, now);
        });
        return VersionedTask.of(subtask[0]);
    }

    public VersionedTask find(String tkiid) {
        return VersionedTask.of(access.readable(tkiid));
    }

    public List<HistoryEntry> history(String tkiid) {
        access.readable(tkiid);
        return em.createQuery(
                        "select h from HistoryEntry h where h.task.tkiid = :tkiid order by h.eventTime, h.id",
                        HistoryEntry.class)
                .setParameter("tkiid", tkiid)
                .getResultList();
    }

    /** The subtasks of a task the caller sees, those the caller sees too, oldest first. */
    public TaskList subtasks(String tkiid) {
        Task parent = access.readable(tkiid);
        Caller caller = access.caller();
        List<TaskView> items = em
                .createQuery(
                        "select t from Task t where t.parentContextID = :parent" + " order by t.creationTime, t.tkiid",
                        Task.class)
                .setParameter("parent", parent.tkiid())
                .getResultList()
                .stream()
                .filter(task -> TaskPermissions.sees(caller, task))
                .map(TaskView::of)
                .toList();
        return new TaskList((long) items.size(), items);
    }

    /** For each task, the actions the caller may take now; none for a task it cannot see or that is gone. */
    public List<TaskActions> actions(List<String> tkiids) {
        Caller caller = access.caller();
        return tkiids.stream()
                .map(tkiid -> {
                    Task task = tkiid.length() > 36 ? null : em.find(Task.class, tkiid);
                    if (task == null || !TaskPermissions.sees(caller, task)) {
                        return new TaskActions(tkiid, List.of());
                    }
                    return new TaskActions(
                            tkiid,
                            TaskLifecycle.legalActions(TaskCondition.of(task)).stream()
                                    .filter(action -> TaskPermissions.may(caller, task, action))
                                    .map(TaskAction::htmName)
                                    .toList());
                })
                .toList();
    }

    public VersionedTask start(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.START, (task, actor, now) -> task.start(actor, now));
    }

    public VersionedTask claim(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.CLAIM, (task, actor, now) -> task.claim(actor, now));
    }

    /** Claims a ready task on behalf of a user named as its potential owner (and not excluded). */
    public VersionedTask claimFor(String tkiid, String user) {
        return perform(tkiid, null, TaskAction.ASSIGN, (task, actor, now) -> task.claimFor(actor, user, now));
    }

    public VersionedTask cancelClaim(String tkiid, boolean keepTaskData, String ifMatch) {
        return perform(
                tkiid,
                ifMatch,
                TaskAction.CANCEL_CLAIM,
                (task, actor, now) -> task.cancelClaim(actor, keepTaskData, now));
    }

    public VersionedTask complete(String tkiid, String output, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.COMPLETE, (task, actor, now) -> task.complete(actor, output, now));
    }

    public VersionedTask completeWithFault(String tkiid, String faultName, String fault, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.FAIL, (task, actor, now) -> task.fail(actor, faultName, fault, now));
    }

    /** Ends the task as forwarded to a new follow-on task, which inherits its context. */
    public VersionedTask completeWithFollowOnTask(String tkiid, TaskDefinition followOn, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK, (task, actor, now) -> {
            Task next = Task.create(followOn, actor.name(), now);
            task.forwardTo(actor, next, now);
            mayJoinItsJob(followOn);
            access.add(next, true, now);
        });
    }

    public VersionedTask suspend(String tkiid, Instant until, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.SUSPEND, (task, actor, now) -> task.suspend(actor, until, now));
    }

    public VersionedTask resume(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.RESUME, (task, actor, now) -> task.resume(actor, now, null));
    }

    public VersionedTask suspendAndCancelClaim(String tkiid, Instant until, String ifMatch) {
        return perform(
                tkiid,
                ifMatch,
                TaskAction.SUSPEND_AND_CANCEL_CLAIM,
                (task, actor, now) -> task.suspendAndCancelClaim(actor, until, now));
    }

    public VersionedTask terminate(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.TERMINATE, (task, actor, now) -> task.terminate(actor, now, null));
    }

    public VersionedTask restart(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.RESTART, (task, actor, now) -> task.restart(actor, now));
    }

    /** Hands a claimed task back to the user who owned it before it was transferred (Oracle's PUSHBACK). */
    public VersionedTask pushBack(String tkiid) {
        return perform(tkiid, null, TaskAction.TRANSFER, (task, actor, now) -> task.pushBack(actor, now));
    }

    /** The owner hands the decision to participants, asked through subtasks (an ad hoc route, see Route). */
    public VersionedTask route(String tkiid, RouteRequest request, String ifMatch) {
        return perform(
                tkiid, ifMatch, TaskAction.ROUTE, (task, actor, now) -> routing.route(task, actor, request, now));
    }

    /** The owner passes over the participant a simple or sequential route waits for. */
    public VersionedTask skipCurrentAssignment(String tkiid) {
        return perform(tkiid, null, TaskAction.ROUTE, (task, actor, now) -> routing.skipCurrent(task, actor, now));
    }

    /** Hands the task to its escalation receivers, who become its potential owners (Oracle's ESCALATE). */
    public VersionedTask escalateToReceivers(String tkiid) {
        return perform(tkiid, null, TaskAction.ESCALATE, (task, actor, now) -> task.escalateToReceivers(actor, now));
    }

    public VersionedTask delegate(String tkiid, String toUser, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.DELEGATE, (task, actor, now) -> task.delegateTo(actor, toUser, now));
    }

    /** The owner asks a user for information: a delegation the user ends by resolving (Oracle's INFO_REQUEST). */
    public VersionedTask requestInformation(String tkiid, String user) {
        return perform(
                tkiid, null, TaskAction.DELEGATE, (task, actor, now) -> task.requestInformation(actor, user, now));
    }

    public VersionedTask resolve(String tkiid, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.RESOLVE, (task, actor, now) -> task.resolve(actor, now));
    }

    public VersionedTask update(String tkiid, TaskUpdate update, String ifMatch) {
        return perform(tkiid, ifMatch, TaskAction.UPDATE, (task, actor, now) -> task.update(actor, update, now));
    }

    /** Removes a task that has ended (or never started), with its history, comments and properties. */
    public void delete(String tkiid, String ifMatch) {
        Task task = access.act(tkiid, ifMatch, TaskAction.DELETE, (t, actor, now) -> t.delete(actor));
        em.remove(task);
        em.flush();
        access.refreshParent(task, Instant.now());
    }

    private VersionedTask perform(String tkiid, String ifMatch, TaskAction action, TaskAccess.Step step) {
        return VersionedTask.of(access.act(tkiid, ifMatch, action, step));
    }

    private Task newTask(TaskDefinition definition, boolean start, String creator, Instant now) {
        mayJoinItsJob(definition);
        return access.add(Task.create(definition, creator, now), start, now);
    }

    /**
     * A containment context that names an Itential job joins the new task to it, and a job's tasks are claimed
     * together (claimJob): only the job's creator, or an administrator, adds tasks to a job. A subtask or follow-on
     * task that inherits its context from a task of the job stays in it.
     */
    private void mayJoinItsJob(TaskDefinition definition) {
        String context = definition.containmentContextID();
        Caller caller = access.caller();
        if (context == null || caller.isAdmin()) {
            return;
        }
        Job job = em.find(Job.class, context);
        if (job != null && !caller.name().equals(job.createdBy())) {
            throw new HtmException(
                    403,
                    "HTM0403E",
                    "User " + caller.name() + " may not add tasks to job " + context
                            + ": only its creator or an administrator may.",
                    caller.name(),
                    "create",
                    context);
        }
    }

    /** The actions one task allows the caller now. */
    public record TaskActions(String tkiid, List<String> actions) {}
}
