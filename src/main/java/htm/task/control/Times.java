package htm.task.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times as API.md writes them: ISO-8601 in UTC with milliseconds, "2026-11-22T10:15:30.000Z". HTM takes times
 * from 1970 to the end of 9999 only: every database keeps those, and every deadline computed from them stays
 * within what Java and the databases can count.
 */
public final class Times {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** What a field that takes a time says when it is given something else. */
    public static final String EXPECTED = "must be an ISO-8601 date-time with offset between "
            + "1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, such as 2026-12-01T12:00:00.000Z";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** Reads an ISO-8601 date-time with an offset ("Z", "+01:00"); empty when it is not one, or out of range. */
    public static Optional<Instant> parse(String text) {
        try {
            return inRange(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<Instant> inRange(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
    }
}
