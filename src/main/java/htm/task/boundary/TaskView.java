package htm.task.boundary;

import htm.task.control.Times;
import htm.task.entity.Task;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as GET /task/{tkiid} answers it: every property of the HTM task schema (seed 004), and isOverdue. */
@JsonbNillable
@JsonbPropertyOrder({"tkiid", "name", "state"})
@Schema(name = "Task", description = "An HTM task instance (the properties of the WebSphere HTM task schema)")
public record TaskView(
        String tkiid, String name, String namespace, String displayName, String description, String state,
        String kind, String type, Integer priority, Boolean isSuspended, Boolean isEscalated, Boolean isOverdue,
        Boolean isWaitingForSubTask, Boolean isAwaitingInformation, String owner, String originator, String starter,
        String delegate,
        String activationTime, String firstActivationTime, String startTime, String completionTime,
        String dueTime, String expirationTime, String resumptionTime, String deletionTime,
        String lastModificationTime, String lastStateChangeTime,
        String durationUntilDue, String durationUntilExpires, String durationUntilDeleted, String autoDeletionMode,
        String parentContextID, String topLevelTaskID, String followOnTaskID, String containmentContextID,
        String positionInHierarchy, String taskTemplateID, String taskTemplateName,
        Map<String, String> customProperties, Map<String, String> binaryCustomPropertiesMetadata,
        Boolean supportsAutomaticClaim, Boolean supportsClaimIfSuspended, Boolean supportsDelegation,
        Boolean supportsFollowOnTasks, Boolean supportsSubTasks,
        Boolean isAdHoc, Boolean isBusinessRelevant, Boolean isChild, Boolean isInline,
        String applicationName, String applicationDefaultsID, String calendarName, String jndiNameOfCalendar,
        String jndiNameOfStaffPluginProvider, String contextAuthorizationOfOwner, String definitionName,
        String definitionNamespace, String eventHandlerName, String inputMessageTypeName,
        String outputMessageTypeName, String substitutionPolicy) {

    public static TaskView of(Task t) {
        return new TaskView(
                t.tkiid(), t.name(), t.namespace(), t.displayName(), t.description(), t.state().name(),
                t.kind().name(), t.type(), t.priority(), t.isSuspended(), t.isEscalated(), t.isOverdue(Instant.now()),
                t.isWaitingForSubTask(), t.isAwaitingInformation(), t.owner(), t.originator(), t.starter(),
                t.delegate(),
                Times.format(t.activationTime()), Times.format(t.firstActivationTime()),
                Times.format(t.startTime()), Times.format(t.completionTime()), Times.format(t.dueTime()),
                Times.format(t.expirationTime()), Times.format(t.resumptionTime()), Times.format(t.deletionTime()),
                Times.format(t.lastModificationTime()), Times.format(t.lastStateChangeTime()),
                t.durationUntilDue(), t.durationUntilExpires(), t.durationUntilDeleted(), t.autoDeletionMode(),
                t.parentContextID(), t.topLevelTaskID(), t.followOnTaskID(), t.containmentContextID(),
                t.positionInHierarchy().name(), t.taskTemplateID(), t.taskTemplateName(),
                t.customProperties(), t.binaryCustomProperties(),
                t.supportsAutomaticClaim(), t.supportsClaimIfSuspended(), t.supportsDelegation(),
                t.supportsFollowOnTasks(), t.supportsSubTasks(),
                t.taskTemplateID() == null, t.isBusinessRelevant(), false, false,
                t.applicationName(), null, null, null,
                null, "CONTEXT_AUTHORIZATION_OWNER_NONE", t.name(),
                t.namespace(), null, null,
                null, "SUBSTITUTION_POLICY_NO_SUBSTITUTION");
    }
}
