package htm.task.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What a creator says about a new task; every field but name may be null (then the task's default holds).
 * Durations are kept as written (ISO-8601, "PT4H", "P2D"), as HTM reports them back.
 */
public record TaskDefinition(
        String name,
        String displayName,
        String description,
        String namespace,
        TaskKind kind,
        Integer priority,
        Instant dueTime,
        String durationUntilDue,
        String durationUntilExpires,
        String durationUntilDeleted,
        String autoDeletionMode,
        String type,
        String applicationName,
        String containmentContextID,
        Boolean businessRelevant,
        Boolean supportsClaimIfSuspended,
        Boolean supportsDelegation,
        Boolean supportsSubTasks,
        Boolean supportsFollowOnTasks,
        Boolean supportsAutomaticClaim,
        List<Assignment> people,
        Map<String, String> customProperties,
        String input) {

    public TaskDefinition {
        people = people == null ? List.of() : List.copyOf(people);
        customProperties = customProperties == null ? Map.of() : Map.copyOf(customProperties);
    }

    /** Adds an ISO-8601 duration (date part, time part or both, "P1DT2H") to a point in time. */
    public static Instant plus(Instant start, String isoDuration) {
        String upper = isoDuration.toUpperCase();
        int t = upper.indexOf('T');
        Instant result = start;
        if (t != 1) {
            String datePart = t < 0 ? upper : upper.substring(0, t);
            result = result.atZone(ZoneOffset.UTC).plus(Period.parse(datePart)).toInstant();
        }
        if (t >= 0) {
            result = result.plus(Duration.parse("P" + upper.substring(t)));
        }
        return result;
    }
}
