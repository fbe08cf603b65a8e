package htm.deadline.boundary;

import htm.task.boundary.TaskAccess;
import htm.task.control.Actor;
import htm.task.entity.Escalation;
import htm.task.entity.EscalationState;
import htm.task.entity.Task;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * One due deadline of one task, met in its own transaction as principal "system"; each re-checks the deadline
 * under the task's row lock, since another server or a person may have acted on the task meanwhile.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Deadlines {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    public void resume(String tkiid, Instant now) {
        Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
        if (task != null
                && task.isSuspended()
                && task.resumptionTime() != null
                && !task.resumptionTime().isAfter(now)) {
            task.resume(Actor.SYSTEM, now, "resumption time " + task.resumptionTime() + " reached");
            em.flush();
        }
    }

    public void expire(String tkiid, Instant now) {
        Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
        if (task != null
                && task.expirationTime() != null
                && !task.expirationTime().isAfter(now)
                && !task.state().isEnd()) {
            task.expire(Actor.SYSTEM, now, "expiration time " + task.expirationTime() + " reached");
            em.flush();
            access.refreshParent(task, now);
        }
    }

    public void escalate(String esiid, Instant now) {
        Escalation due = em.find(Escalation.class, esiid);
        if (due == null) {
            return;
        }
        Task task = em.find(Task.class, due.task().tkiid(), LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return;
        }
        em.refresh(due);
        if (due.state() != EscalationState.ESCALATION_STATE_WAITING
                || due.escalationTime().isAfter(now)) {
            return;
        }
        if (task.outgrew(due)) {
            task.dropEscalation(due, now);
        } else {
            task.escalate(Actor.SYSTEM, due, now);
        }
    }

    public void delete(String tkiid, Instant now) {
        Task task = em.find(Task.class, tkiid, LockModeType.PESSIMISTIC_WRITE);
        if (task != null && task.deletionTime() != null && !task.deletionTime().isAfter(now)) {
            task.delete(Actor.SYSTEM);
            em.remove(task);
        }
    }
}
