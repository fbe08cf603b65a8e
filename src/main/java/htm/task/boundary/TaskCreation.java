package htm.task.boundary;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The create body of API.md §3, for the OpenAPI document. The body itself is read field by field by
 * {@link htm.task.control.TaskDefinitions}, so that each bad field gets its own 400.
 */
@Schema(name = "TaskCreation", description = "A new task; every field but name is optional")
public record TaskCreation(
        @Schema(required = true, example = "approve-order-42")
        String name,

        String displayName,
        String description,
        String namespace,

        @Schema(description = "KIND_HUMAN (default), KIND_ORIGINATING, KIND_PARTICIPATING, KIND_ADMINISTRATIVE")
        String kind,

        @Schema(description = "0 is the highest; default 5") Integer priority,
        @Schema(example = "2026-12-01T12:00:00.000Z") String dueTime,
        @Schema(example = "PT4H") String durationUntilDue,
        @Schema(example = "P7D") String durationUntilExpires,
        String durationUntilDeleted,
        String autoDeletionMode,
        String type,
        String applicationName,
        String containmentContextID,
        People potentialOwners,
        People excludedOwners,
        People administrators,
        People editors,
        People readers,
        People escalationReceivers,
        @Schema(description = "any JSON document") Object input,
        Map<String, String> customProperties,
        Boolean isBusinessRelevant,
        Boolean supportsClaimIfSuspended,
        Boolean supportsDelegation,
        Boolean supportsSubTasks,
        Boolean supportsFollowOnTasks,
        Boolean supportsAutomaticClaim) {

    @Schema(name = "People")
    public record People(List<String> users, List<String> groups) {}
}
