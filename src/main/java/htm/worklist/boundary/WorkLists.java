package htm.worklist.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.schema.control.Databases;
import htm.security.control.Caller;
import htm.task.boundary.TaskAccess;
import htm.task.boundary.TaskView;
import htm.task.entity.Task;
import htm.worklist.control.Cursor;
import htm.worklist.control.TaskFilter;
import htm.worklist.control.TaskQuery;
import htm.worklist.control.WorkItemQuery;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The caller's work lists: one page of the tasks the caller may see that match a filter, in one transaction.
 * A list that the work-item index can serve is read from it in SQL; any other in JPQL over the task table.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class WorkLists {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    public TaskList list(TaskFilter filter) {
        Caller caller = access.caller();
        List<Task> page;
        Long total = null;
        if (WorkItemQuery.serves(filter, caller)) {
            WorkItemQuery query = new WorkItemQuery(filter, caller, Databases.isPostgres(em));
            if (filter.count()) {
                total = ((Number) sql(query.count(), query.parameters()).getSingleResult()).longValue();
            }
            page = inOrder(sql(query.select(), query.parameters()).getResultList());
        } else {
            TaskQuery query = new TaskQuery(filter, caller, Databases.isPostgres(em));
            TypedQuery<Task> select = em.createQuery(query.select(), Task.class)
                    .setFirstResult(filter.offset())
                    .setMaxResults(filter.size());
            query.parameters().forEach(select::setParameter);
            page = select.getResultList();
            if (filter.count()) {
                TypedQuery<Long> count = em.createQuery(query.count(), Long.class);
                query.parametersOf(query.count()).forEach(count::setParameter);
                total = count.getSingleResult();
            }
        }
        String next = page.size() < filter.size()
                ? null
                : Cursor.after(page.get(page.size() - 1), filter.order()).encode();
        return new TaskList("tkiid", total, page.stream().map(TaskView::of).toList(), next);
    }

    /** A query in SQL; a read changes nothing, so nothing is flushed before it (Hibernate would flush all). */
    private Query sql(String text, Map<String, Object> parameters) {
        Query query = em.createNativeQuery(text).setFlushMode(FlushModeType.COMMIT);
        parameters.forEach(query::setParameter);
        return query;
    }

    /**
     * The tasks of these ids, in the same order, as a page shows them: with their people and properties, in one
     * query, read-only (no copy kept to compare at commit; this transaction changes none of them).
     */
    private List<Task> inOrder(List<?> tkiids) {
        if (tkiids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> byId = em
                .createQuery("select t from Task t where t.tkiid in :ids", Task.class)
                .setParameter("ids", tkiids)
                .setHint("org.hibernate.readOnly", true)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Task::tkiid, t -> t, (same, again) -> same));
        return tkiids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
