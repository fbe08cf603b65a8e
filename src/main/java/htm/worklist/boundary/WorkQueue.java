package htm.worklist.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.problem.control.Problems;
import htm.schema.control.Databases;
import htm.security.control.Caller;
import htm.task.boundary.TaskAccess;
import htm.task.boundary.VersionedTask;
import htm.task.control.Actor;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import htm.worklist.control.Criterion;
import htm.worklist.control.TaskField;
import htm.worklist.control.TaskFilter;
import htm.worklist.control.TaskQuery;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Work-queue mode: hands the caller the best ready task they may claim. Concurrent callers never get the
 * same task: candidates are row-locked, skipping rows another caller holds (FOR UPDATE SKIP LOCKED where
 * the database has it); a lost race is retried in a fresh transaction, never reported.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class WorkQueue {

    private static final int ATTEMPTS = 20;
    /** Hibernate's lock timeout for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<VersionedTask> claimNext(TaskFilter filter) {
        WorkQueue self = context.getBusinessObject(WorkQueue.class);
        RuntimeException lastConflict = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return self.claimOne(filter);
            } catch (RuntimeException e) {
                if (Problems.of(e).status() != 409) {
                    throw e;
                }
                lastConflict = e;
            }
        }
        throw lastConflict;
    }

    /** One attempt, in its own transaction: lock the best candidate no one else holds, and claim it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<VersionedTask> claimOne(TaskFilter filter) {
        Caller caller = access.caller();
        List<Criterion> criteria = new ArrayList<>(filter.criteria());
        criteria.add(new Criterion.In(TaskField.STATE, Set.of(TaskState.STATE_READY)));
        criteria.add(new Criterion.Compare(TaskField.SUSPENDED, Criterion.Op.EQ, false));
        criteria.add(new Criterion.CallerIsPotentialOwner());
        TaskQuery query = new TaskQuery(
                new TaskFilter(criteria, filter.order(), null, 0, 1, false), caller, Databases.isPostgres(em));
        TypedQuery<Task> select = em.createQuery(query.select(), Task.class)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED);
        query.parameters().forEach(select::setParameter);
        Optional<Task> candidate = select.getResultStream().findFirst();
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Task task = candidate.get();
        Actor actor = Actor.of(caller);
        if (!actor.mayTake(task, TaskAction.CLAIM)) {
            return Optional.empty();
        }
        task.claim(actor, Instant.now());
        em.flush();
        return Optional.of(VersionedTask.of(task));
    }
}
