package htm.task.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/** Who is named on a task, and the changes to it: each public method is one transaction. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class TaskPeople {

    @Inject
    TaskAccess access;

    public Named named(String tkiid, PeopleRole role) {
        Task task = access.readable(tkiid);
        return switch (role) {
            case OWNER -> Named.user(task.owner());
            case ORIGINATOR -> Named.user(task.originator());
            case STARTER -> Named.user(task.starter());
            default -> new Named(List.copyOf(task.named(role, false)), List.copyOf(task.named(role, true)));
        };
    }

    /** Hands a claimed task from its owner to another user. */
    public VersionedTask transferOwnership(String tkiid, String fromUser, String toUser, String ifMatch) {
        return VersionedTask.of(access.act(tkiid, ifMatch, TaskAction.TRANSFER, (task, actor, now) -> {
            if (fromUser != null && !fromUser.equals(task.owner())) {
                throw HtmException.invalidInput("fromUser", fromUser + " is not the owner of task " + tkiid);
            }
            task.transferOwnership(actor, toUser, now);
        }));
    }

    /** Makes a user the owner of a ready task, as if they had claimed it: for task administrators and support. */
    public VersionedTask assignOwner(String tkiid, String newUser, String ifMatch) {
        return VersionedTask.of(
                access.act(tkiid, ifMatch, TaskAction.ASSIGN, (task, actor, now) -> task.assign(actor, newUser, now)));
    }

    /** Replaces a user or group in a people list by another; with no one to replace, adds. */
    public VersionedTask transferWorkItem(String tkiid, Assignment from, Assignment to, String ifMatch) {
        return VersionedTask.of(access.act(tkiid, ifMatch, TaskAction.TRANSFER_WORK_ITEM, (task, actor, now) -> {
            if (from != null && !task.names(from)) {
                throw HtmException.invalidInput(
                        from.isGroup() ? "fromGroup" : "fromUser",
                        from.principal() + " is not named as " + from.role().pathName() + " of task " + tkiid);
            }
            task.transferWorkItem(actor, from, to, now);
        }));
    }

    /** The users and groups named in one role of a task. */
    public record Named(List<String> users, List<String> groups) {

        static Named user(String name) {
            return new Named(Stream.ofNullable(name).toList(), List.of());
        }
    }
}
