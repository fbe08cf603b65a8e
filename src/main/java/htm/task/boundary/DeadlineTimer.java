package htm.task.boundary;

import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The task deadlines that act by themselves, as principal "system": a suspension resumes at its resumption
 * time, a task still open at its expiration time ends in STATE_EXPIRED. Each run re-checks under the row lock,
 * so servers sharing a database may run it side by side.
 */
@Stateless
@PermitAll
public class DeadlineTimer {

    static final String SYSTEM = "system";
    private static final int BATCH = 200;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void actOnDueDeadlines() {
        Instant now = Instant.now();
        for (String tkiid : due("t.suspended = true and t.resumptionTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.isSuspended() && task.resumptionTime() != null
                    && !task.resumptionTime().isAfter(now)) {
                task.perform(TaskAccess.transition(task, TaskAction.RESUME), SYSTEM, now,
                        "resumption time " + task.resumptionTime() + " reached");
            }
        }
        for (String tkiid : due("t.state in :open and t.expirationTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.expirationTime() != null && !task.expirationTime().isAfter(now)
                    && !task.state().isEnd()) {
                task.perform(TaskAccess.transition(task, TaskAction.EXPIRE), SYSTEM, now,
                        "expiration time " + task.expirationTime() + " reached");
                access.refreshParent(task, now);
            }
        }
    }

    private List<String> due(String condition, Instant now) {
        var query = em.createQuery("select t.tkiid from Task t where " + condition, String.class)
                .setParameter("now", now).setMaxResults(BATCH);
        if (condition.contains(":open")) {
            query.setParameter("open", Set.of(TaskState.STATE_READY, TaskState.STATE_CLAIMED));
        }
        return query.getResultList();
    }
}
