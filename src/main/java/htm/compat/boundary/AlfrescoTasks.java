package htm.compat.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.task.boundary.TaskAccess;
import htm.task.boundary.VersionedTask;
import htm.task.control.Actor;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The state changes of Alfresco's task API, under Alfresco's rule of who may make them: HTM's people, and also
 * the user who started the process (Actor.ofAlfresco). Same lifecycle, same history.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class AlfrescoTasks {

    @Inject
    TaskAccess access;

    public VersionedTask claim(String taskId) {
        return VersionedTask.of(
                access.act(taskId, null, TaskAction.CLAIM, alfresco(), (task, actor, now) -> task.claim(actor, now)));
    }

    public VersionedTask unclaim(String taskId) {
        return VersionedTask.of(access.act(
                taskId,
                null,
                TaskAction.CANCEL_CLAIM,
                alfresco(),
                (task, actor, now) -> task.cancelClaim(actor, false, now)));
    }

    public VersionedTask complete(String taskId, String output) {
        return VersionedTask.of(access.act(
                taskId,
                null,
                TaskAction.COMPLETE,
                alfresco(),
                (task, actor, now) -> task.complete(actor, output, now)));
    }

    public VersionedTask resolve(String taskId) {
        return VersionedTask.of(access.act(
                taskId, null, TaskAction.RESOLVE, alfresco(), (task, actor, now) -> task.resolve(actor, now)));
    }

    private Actor alfresco() {
        return Actor.ofAlfresco(access.caller());
    }
}
