package htm.job.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.job.entity.Job;
import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.task.boundary.TaskAccess;
import htm.task.boundary.TaskView;
import htm.task.control.Actor;
import htm.task.control.TaskPermissions;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Jobs: groups of tasks sharing a containment context, claimed by one user. One transaction per method. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class Jobs {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @RolesAllowed({APIWRITE_NAME, ADMIN_NAME})
    public JobSnapshot create(String name, List<String> watchers) {
        Job job = Job.create(name, watchers, access.caller().name(), Instant.now());
        em.persist(job);
        em.flush();
        return JobSnapshot.of(job, List.of());
    }

    public JobSnapshot find(String id) {
        Caller caller = access.caller();
        return snapshot(visible(id, caller, LockModeType.NONE), caller);
    }

    /** The job with those of its tasks the caller may see. */
    private JobSnapshot snapshot(Job job, Caller caller) {
        return JobSnapshot.of(
                job,
                tasks(job).stream()
                        .filter(t -> TaskPermissions.sees(caller, t))
                        .map(TaskView::of)
                        .toList());
    }

    /**
     * Claims the job for user, and with it each of its ready tasks the user may claim (the per-task rules decide).
     * The user is the caller, or another user on whose behalf the caller may claim (the permissions' on-behalf rule:
     * a role that assigns, and per task its administrator or support, the user a potential owner). A job someone
     * else holds answers 409; a job with ready tasks of which the user may claim none, 403.
     */
    public JobSnapshot claim(String id, String user) {
        Caller caller = access.caller();
        boolean forSelf = user.equals(caller.name());
        Actor actor = Actor.of(caller);
        TaskAction action = forSelf ? TaskAction.CLAIM : TaskAction.ASSIGN;
        if (!actor.roleAllows(action)) {
            throw HtmException.roleRefuses(caller.name(), action.htmName());
        }
        Job job = visible(id, caller, LockModeType.PESSIMISTIC_WRITE);
        if (job.isClaimedByAnotherThan(user)) {
            throw new HtmException(
                    409, "HTM0409E", "Job " + id + " is claimed by " + job.owner() + ".", id, job.owner(), "claimJob");
        }
        Instant now = Instant.now();
        int ready = 0;
        int claimed = 0;
        for (Task task : tasks(job)) {
            if (!task.isLegal(action)) {
                continue;
            }
            ready++;
            if (forSelf ? actor.mayTake(task, action) : actor.mayClaimFor(task, user)) {
                em.lock(task, LockModeType.PESSIMISTIC_WRITE);
                if (forSelf) {
                    task.claim(actor, now);
                } else {
                    task.claimFor(actor, user, now);
                }
                claimed++;
            }
        }
        if (ready > 0 && claimed == 0) {
            throw new HtmException(
                    403,
                    "HTM0403E",
                    "User " + user + " may claim none of the ready tasks of job " + id + ".",
                    user,
                    "claimJob",
                    id);
        }
        job.claimFor(user, caller.name(), now);
        em.flush();
        return snapshot(job, caller);
    }

    private List<Task> tasks(Job job) {
        return em.createQuery(
                        "select t from Task t where t.containmentContextID = :job order by t.creationTime, t.tkiid",
                        Task.class)
                .setParameter("job", job.id())
                .getResultList();
    }

    /** The job, if the caller created it, sees one of its tasks, or reads every task; else 404. */
    private Job visible(String id, Caller caller, LockModeType lock) {
        Job job = id == null || id.length() > 24 ? null : em.find(Job.class, id, lock);
        if (job == null
                || !(caller.seesEveryTask()
                        || caller.name().equals(job.createdBy())
                        || tasks(job).stream().anyMatch(t -> TaskPermissions.sees(caller, t)))) {
            throw HtmException.notFound("Job", id);
        }
        return job;
    }
}
