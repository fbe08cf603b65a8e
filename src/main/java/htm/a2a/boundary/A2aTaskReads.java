package htm.a2a.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.a2a.control.A2aTasks.Snapshot;
import htm.task.boundary.CommentView;
import htm.task.boundary.TaskData.Fault;
import htm.task.boundary.TaskView;
import htm.task.entity.Comment;
import htm.task.entity.Task;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Reads a task as A2A shows it for the streams and push notifications, which run with no caller: whoever hears
 * it has been checked, per event, by the stream (may see the task now) or when the push was set up.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@PermitAll
public class A2aTaskReads {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    /** The task now, with its output, fault and comments; empty when it is gone. */
    public Optional<Snapshot> snapshot(String tkiid) {
        Task task = em.find(Task.class, tkiid);
        if (task == null) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(
                TaskView.of(task),
                task.output(),
                new Fault(task.faultName(), task.faultMessage()),
                em.createQuery(
                                "select c from Comment c where c.task.tkiid = :tkiid order by c.time, c.id",
                                Comment.class)
                        .setParameter("tkiid", tkiid)
                        .getResultStream()
                        .map(CommentView::of)
                        .toList()));
    }
}
