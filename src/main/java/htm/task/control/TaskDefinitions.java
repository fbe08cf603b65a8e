package htm.task.control;

import static htm.task.control.JsonInput.bool;
import static htm.task.control.JsonInput.integer;
import static htm.task.control.JsonInput.string;
import static htm.task.control.JsonInput.time;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.Capability;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskDefinition;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskSchedule;
import htm.task.entity.TaskUpdate;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the create body of API.md §3 into a task definition, refusing every field it cannot honour. */
public final class TaskDefinitions {

    public static final int NAME_LENGTH = 255;
    public static final int PRINCIPAL_LENGTH = 255;
    static final int MIN_PRIORITY = 0;
    static final int MAX_PRIORITY = 999_999;
    private static final Instant DURATION_BASE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LONGEST_DURATION_END = Instant.parse("3000-01-01T00:00:00Z");

    private TaskDefinitions() {}

    public static TaskDefinition read(JsonObject body) {
        String name = string(body, "name", NAME_LENGTH);
        if (name == null || name.isBlank()) {
            throw HtmException.invalidInput("name", "a task needs a name");
        }
        Integer priority = priority(body, "priority");
        Instant dueTime = time(body, "dueTime");
        String durationUntilDue = duration(body, "durationUntilDue");
        if (dueTime != null && durationUntilDue != null) {
            throw HtmException.invalidInput("durationUntilDue", "give either dueTime or durationUntilDue, not both");
        }
        TaskSchedule schedule = new TaskSchedule(
                dueTime,
                durationUntilDue,
                duration(body, "durationUntilExpires"),
                duration(body, "durationUntilDeleted"),
                autoDeletionMode(body));
        return new TaskDefinition(
                name,
                string(body, "displayName", NAME_LENGTH),
                string(body, "description", 4000),
                string(body, "namespace", NAME_LENGTH),
                kind(body),
                priority,
                string(body, "type", NAME_LENGTH),
                string(body, "applicationName", NAME_LENGTH),
                string(body, "containmentContextID", NAME_LENGTH),
                bool(body, "isBusinessRelevant"),
                schedule,
                capabilities(body),
                people(body),
                JsonInput.stringMap(body, "customProperties", NAME_LENGTH, 4000),
                input(body));
    }

    /** The capabilities the body switches on or off, by their fields; those it leaves out keep their default. */
    private static Map<Capability, Boolean> capabilities(JsonObject body) {
        Map<Capability, Boolean> capabilities = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            Boolean value = bool(body, capability.field());
            if (value != null) {
                capabilities.put(capability, value);
            }
        }
        return capabilities;
    }

    /** Reads the body of the update action: the fields to change; a custom property set to null is removed. */
    public static TaskUpdate update(JsonObject body) {
        Integer priority = priority(body, "priority");
        String name = string(body, "name", NAME_LENGTH);
        if (name != null && name.isBlank()) {
            throw HtmException.invalidInput("name", "a task needs a name");
        }
        return new TaskUpdate(
                name,
                string(body, "displayName", NAME_LENGTH),
                string(body, "description", 4000),
                string(body, "namespace", NAME_LENGTH),
                priority,
                time(body, "dueTime"),
                time(body, "expirationTime"),
                JsonInput.stringMapWithRemovals(body, "customProperties", NAME_LENGTH, 4000));
    }

    private static TaskKind kind(JsonObject body) {
        String kind = string(body, "kind", 40);
        if (kind == null) {
            return null;
        }
        return Arrays.stream(TaskKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() ->
                        HtmException.invalidInput("kind", "must be one of " + Arrays.toString(TaskKind.values())));
    }

    private static String autoDeletionMode(JsonObject body) {
        String mode = string(body, "autoDeletionMode", 40);
        if (mode != null
                && !List.of(
                                Task.AUTO_DELETE_NO,
                                Task.AUTO_DELETE_ON_COMPLETION,
                                Task.AUTO_DELETE_ON_SUCCESSFUL_COMPLETION)
                        .contains(mode)) {
            throw HtmException.invalidInput(
                    "autoDeletionMode",
                    "must be AUTO_DELETE_NO, AUTO_DELETE_ON_COMPLETION or AUTO_DELETE_ON_SUCCESSFUL_COMPLETION");
        }
        return mode;
    }

    /** A priority, 0 (the highest) to 999999. */
    public static Integer priority(JsonObject body, String field) {
        Integer priority = integer(body, field);
        if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
            throw HtmException.invalidInput(field, "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        }
        return priority;
    }

    /** An ISO-8601 duration such as PT4H or P2D; refused when it is not one, not positive or over 1,000 years. */
    public static String duration(JsonObject body, String field) {
        String text = string(body, field, 40);
        if (text == null) {
            return null;
        }
        after(DURATION_BASE, field, text);
        return text.toUpperCase();
    }

    /** The moment a positive ISO-8601 duration of at most 1,000 years after start; else a 400 naming the field. */
    public static Instant after(Instant start, String field, String isoDuration) {
        try {
            Instant fromBase = TaskSchedule.plus(DURATION_BASE, isoDuration);
            if (!fromBase.isAfter(DURATION_BASE)) {
                throw HtmException.invalidInput(field, "must be a positive duration");
            }
            if (fromBase.isAfter(LONGEST_DURATION_END)) {
                throw tooLong(field);
            }
            Instant end = TaskSchedule.plus(start, isoDuration);
            return Times.inRange(end)
                    .orElseThrow(() -> HtmException.invalidInput(field, "ends after " + Times.format(Times.LATEST)));
        } catch (DateTimeParseException e) {
            throw HtmException.invalidInput(field, "must be an ISO-8601 duration such as PT4H or P2D");
        } catch (DateTimeException | ArithmeticException e) {
            throw tooLong(field);
        }
    }

    private static HtmException tooLong(String field) {
        return HtmException.invalidInput(field, "must be at most 1000 years (P1000Y)");
    }

    private static List<Assignment> people(JsonObject body) {
        List<Assignment> people = new ArrayList<>();
        for (PeopleRole role : PeopleRole.values()) {
            if (!role.isList()) {
                continue;
            }
            people.addAll(named(body, role.fieldName(), role));
        }
        return people;
    }

    /** The users and groups of {"users": [...], "groups": [...]} under field, in the given role. */
    public static List<Assignment> named(JsonObject body, String field, PeopleRole role) {
        JsonObject named = JsonInput.optionalObject(body, field);
        if (named == null) {
            return List.of();
        }
        if (named.keySet().stream().anyMatch(key -> !key.equals("users") && !key.equals("groups"))) {
            throw HtmException.invalidInput(field, "holds only \"users\" and \"groups\"");
        }
        List<Assignment> people = new ArrayList<>();
        JsonInput.strings(named, "users", field + ".users", PRINCIPAL_LENGTH).stream()
                .map(user -> Assignment.user(role, user))
                .distinct()
                .forEach(people::add);
        JsonInput.strings(named, "groups", field + ".groups", PRINCIPAL_LENGTH).stream()
                .map(group -> Assignment.group(role, group))
                .distinct()
                .forEach(people::add);
        return people;
    }

    private static String input(JsonObject body) {
        JsonValue input = body.get("input");
        if (input == null || input.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String text = input.toString();
        if (text.length() > JsonInput.MAX_DOCUMENT_CHARS) {
            throw HtmException.invalidInput("input", "larger than " + JsonInput.MAX_DOCUMENT_CHARS + " characters");
        }
        return text;
    }
}
