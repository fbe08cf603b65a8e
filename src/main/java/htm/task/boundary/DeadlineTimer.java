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
import java.util.logging.Logger;

/**
 * The task deadlines that act by themselves, as principal "system": a suspension resumes at its resumption
 * time, a task still open at its expiration time ends in STATE_EXPIRED, an ended task goes away at its
 * deletion time. The deadlines live in the task rows; the timer that looks for them is a persistent EJB timer
 * (server.xml: persistentExecutor), so it outlives restarts and, with several servers on one database, runs
 * on one of them and fails over to another when that one dies. Each task is re-checked under its row lock.
 */
@Stateless
@PermitAll
public class DeadlineTimer {

    static final String SYSTEM = "system";
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(DeadlineTimer.class.getName());

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Schedule(hour = "*", minute = "*", second = "*/5", info = "task deadlines")
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
        for (String tkiid : due("t.deletionTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.deletionTime() != null && !task.deletionTime().isAfter(now)) {
                em.remove(task);
                LOG.info(() -> "Task " + tkiid + " deleted by " + SYSTEM + ": deletion time reached");
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
