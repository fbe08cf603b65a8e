package htm.task.boundary;

import htm.task.entity.Escalation;
import htm.task.entity.EscalationState;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import htm.task.entity.Transition;
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
 * time, a task still open at its expiration time ends in STATE_EXPIRED, a due escalation fires (or lapses
 * when the task has moved on), an ended task goes away at its deletion time. The deadlines live in the task rows; the timer that looks for them is a persistent EJB timer
 * (server.xml: persistentExecutor), so it outlives restarts and, with several servers on one database, runs
 * on one of them and fails over to another when that one dies. Each task is re-checked under its row lock.
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

    @Inject
    TaskActivity activity;

    @Schedule(hour = "*", minute = "*", second = "*/5", info = "task deadlines")
    public void actOnDueDeadlines() {
        Instant now = Instant.now();
        for (String tkiid : due("t.suspended = true and t.resumptionTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.isSuspended() && task.resumptionTime() != null
                    && !task.resumptionTime().isAfter(now)) {
                act(task, TaskAction.RESUME, now, "resumption time " + task.resumptionTime() + " reached");
            }
        }
        for (String tkiid : due("t.state in :open and t.expirationTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.expirationTime() != null && !task.expirationTime().isAfter(now)
                    && !task.state().isEnd()) {
                act(task, TaskAction.EXPIRE, now, "expiration time " + task.expirationTime() + " reached");
                access.refreshParent(task, now);
            }
        }
        List<Object[]> dueEscalations = em.createQuery("select e.esiid, e.task.tkiid from Escalation e "
                + "where e.state = :waiting and e.escalationTime <= :now", Object[].class)
                .setParameter("waiting", EscalationState.ESCALATION_STATE_WAITING).setParameter("now", now)
                .setMaxResults(BATCH).getResultList();
        for (Object[] due : dueEscalations) {
            Task task = em.find(Task.class, due[1], LockModeType.PESSIMISTIC_WRITE);
            Escalation escalation = em.find(Escalation.class, due[0]);
            if (task == null || escalation == null || escalation.state() != EscalationState.ESCALATION_STATE_WAITING
                    || escalation.escalationTime().isAfter(now)) {
                continue;
            }
            if (task.outgrew(escalation)) {
                task.dropEscalation(escalation, now);
            } else {
                access.escalate(task, escalation, SYSTEM, now);
                activity.acted(SYSTEM, TaskAction.ESCALATE, task.tkiid(), task.state(), task.state(), System.nanoTime());
            }
        }
        for (String tkiid : due("t.deletionTime <= :now", now)) {
            Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
            if (task != null && task.deletionTime() != null && !task.deletionTime().isAfter(now)) {
                em.remove(task);
                activity.acted(SYSTEM, TaskAction.DELETE, tkiid, null, null, System.nanoTime());
            }
        }
    }

    private void act(Task task, TaskAction action, Instant now, String details) {
        Transition step = TaskAccess.transition(task, action);
        task.perform(step, SYSTEM, now, details);
        activity.acted(SYSTEM, action, task.tkiid(), step.from(), step.to(), System.nanoTime());
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
