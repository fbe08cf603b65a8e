package htm.deadline.boundary;

import htm.task.entity.EscalationState;
import htm.task.entity.TaskState;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The task deadlines that act by themselves, as principal "system": a suspension resumes at its resumption
 * time, a task still ready or claimed at its expiration time ends in STATE_EXPIRED, a due escalation fires (or lapses
 * when the task has moved on), an ended task goes away at its deletion time. The deadlines live in the task
 * rows; the timer that looks for them is a persistent EJB timer (server.xml: persistentExecutor), so it
 * outlives restarts and, with several servers on one database, runs on one of them and fails over to another
 * when that one dies.
 * <p>
 * Each due deadline is met in a transaction of its own ({@link Deadlines}): one that fails is logged with its
 * task, counted (htm_deadline_failures_total), held back for a while ({@link DeadlineRetries}) and tried
 * again later, and never keeps the others from being met.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadlineTimer {

    private static final Logger LOG = Logger.getLogger(DeadlineTimer.class.getName());
    private static final int BATCH = 200;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlineRetries retries;

    @Inject
    MetricRegistry metrics;

    @Schedule(hour = "*", minute = "*", second = "*/5", info = "task deadlines")
    public void actOnDueDeadlines() {
        Instant now = Instant.now();
        meet("resume", due("t.suspended = true and t.resumptionTime <= :now", now), now, deadlines::resume);
        meet("expire", due("t.state in :working and t.expirationTime <= :now", now), now, deadlines::expire);
        meet(
                "escalate",
                em.createQuery(
                                "select e.esiid from Escalation e "
                                        + "where e.state = :waiting and e.escalationTime <= :now",
                                String.class)
                        .setParameter("waiting", EscalationState.ESCALATION_STATE_WAITING)
                        .setParameter("now", now)
                        .setMaxResults(BATCH + retries.held())
                        .getResultList(),
                now,
                deadlines::escalate);
        meet("delete", due("t.deletionTime <= :now", now), now, deadlines::delete);
    }

    private void meet(String deadline, List<String> ids, Instant now, BiConsumer<String, Instant> act) {
        ids.stream().filter(id -> retries.isDue(deadline, id, now)).limit(BATCH).forEach(id -> {
            try {
                act.accept(id, now);
                retries.met(deadline, id);
            } catch (RuntimeException e) {
                metrics.counter("htm.deadline.failures").inc();
                Instant retry = retries.failed(deadline, id, now);
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "Cannot " + deadline + " " + ("escalate".equals(deadline) ? "escalation " : "task ") + id
                                + "; trying again at " + retry);
            }
        });
    }

    private List<String> due(String condition, Instant now) {
        var query = em.createQuery("select t.tkiid from Task t where " + condition, String.class)
                .setParameter("now", now)
                .setMaxResults(BATCH + retries.held());
        if (condition.contains(":working")) {
            query.setParameter("working", TaskState.working());
        }
        return query.getResultList();
    }
}
