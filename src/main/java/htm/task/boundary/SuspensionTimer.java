package htm.task.boundary;

import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Resumes suspended tasks whose resumption time has come, as principal "system". Each run re-checks under
 * the row lock, so servers sharing a database may run it side by side.
 */
@Stateless
@PermitAll
public class SuspensionTimer {

    static final String SYSTEM = "system";
    private static final int BATCH = 200;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void resumeDueTasks() {
        Instant now = Instant.now();
        List<String> due = em.createQuery("select t.tkiid from Task t where t.suspended = true"
                + " and t.resumptionTime <= :now", String.class).setParameter("now", now).setMaxResults(BATCH)
                .getResultList();
        for (String tkiid : due) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.isSuspended() && task.resumptionTime() != null
                    && !task.resumptionTime().isAfter(now)) {
                task.perform(TaskAccess.transition(task, TaskAction.RESUME), SYSTEM, now,
                        "resumption time " + task.resumptionTime() + " reached");
            }
        }
    }
}
