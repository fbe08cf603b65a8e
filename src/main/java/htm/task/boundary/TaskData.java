package htm.task.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.problem.entity.HtmException;
import htm.task.entity.BinaryCustomProperty;
import htm.task.entity.Comment;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The messages, comments and custom properties of a task: each public method is one transaction. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class TaskData {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    public String input(String tkiid) {
        return access.readable(tkiid).input();
    }

    public String output(String tkiid) {
        return access.readable(tkiid).output();
    }

    /** The fault message a task failed with (or will fail with), and its name. */
    public Fault fault(String tkiid) {
        Task task = access.readable(tkiid);
        return new Fault(task.faultName(), task.faultMessage());
    }

    public VersionedTask replaceInput(String tkiid, String input, String ifMatch) {
        return VersionedTask.of(access.act(
                tkiid, ifMatch, TaskAction.SET_INPUT, (task, actor, now) -> task.replaceInput(actor, input, now)));
    }

    /** Saves a draft output on a claimed task; completing it later keeps the draft unless given another. */
    public VersionedTask saveOutput(String tkiid, String output, String ifMatch) {
        return VersionedTask.of(access.act(
                tkiid, ifMatch, TaskAction.SET_OUTPUT, (task, actor, now) -> task.saveOutput(actor, output, now)));
    }

    public VersionedTask saveFault(String tkiid, String faultName, String fault, String ifMatch) {
        return VersionedTask.of(access.act(
                tkiid,
                ifMatch,
                TaskAction.SET_FAULT,
                (task, actor, now) -> task.saveFault(actor, faultName, fault, now)));
    }

    public List<CommentView> comments(String tkiid) {
        access.readable(tkiid);
        return em
                .createQuery("select c from Comment c where c.task.tkiid = :tkiid order by c.time, c.id", Comment.class)
                .setParameter("tkiid", tkiid)
                .getResultList()
                .stream()
                .map(CommentView::of)
                .toList();
    }

    public CommentView addComment(String tkiid, String text) {
        Comment[] added = new Comment[1];
        access.act(
                tkiid,
                null,
                TaskAction.ADD_COMMENT,
                (task, actor, now) -> added[0] = task.addComment(actor, text, now));
        return CommentView.of(added[0]);
    }

    public Optional<BinaryCustomProperty> binaryCustomProperty(String tkiid, String name) {
        return stored(access.readable(tkiid), name);
    }

    public VersionedTask setBinaryCustomProperty(
            String tkiid, String name, String mediaType, byte[] content, String ifMatch) {
        return VersionedTask.of(access.act(tkiid, ifMatch, TaskAction.SET_CUSTOM_PROPERTY, (task, actor, now) -> {
            stored(task, name)
                    .ifPresentOrElse(
                            existing -> existing.replace(mediaType, content),
                            () -> em.persist(new BinaryCustomProperty(task, name, mediaType, content)));
            task.setBinaryCustomProperty(actor, name, mediaType, now);
        }));
    }

    public VersionedTask removeBinaryCustomProperty(String tkiid, String name, String ifMatch) {
        return VersionedTask.of(access.act(tkiid, ifMatch, TaskAction.SET_CUSTOM_PROPERTY, (task, actor, now) -> {
            BinaryCustomProperty existing = stored(task, name)
                    .orElseThrow(() -> new HtmException(
                            404,
                            "HTM0404E",
                            "Task " + tkiid + " has no binary custom property " + name + ".",
                            tkiid,
                            name));
            em.remove(existing);
            task.removeBinaryCustomProperty(actor, name, now);
        }));
    }

    private Optional<BinaryCustomProperty> stored(Task task, String name) {
        return em.createQuery(
                        "select b from BinaryCustomProperty b where b.task = :task and b.name = :name",
                        BinaryCustomProperty.class)
                .setParameter("task", task)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public record Fault(String faultName, String message) {}
}
