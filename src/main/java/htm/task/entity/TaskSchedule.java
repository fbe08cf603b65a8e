package htm.task.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * When a new task falls due, expires and goes away; every field may be null (then the task's default holds).
 * Durations are kept as written (ISO-8601, "PT4H", "P2D"), as HTM reports them back.
 */
public record TaskSchedule(
        Instant dueTime,
        String durationUntilDue,
        String durationUntilExpires,
        String durationUntilDeleted,
        String autoDeletionMode) {

    public static final TaskSchedule NONE = new TaskSchedule(null, null, null, null, null);

    /** Due at a point in time, and nothing else said. */
    public static TaskSchedule due(Instant dueTime) {
        return new TaskSchedule(dueTime, null, null, null, null);
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
