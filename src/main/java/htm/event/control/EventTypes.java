package htm.event.control;

import htm.problem.entity.HtmException;
import htm.task.entity.TaskAction;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The names of the event types, one per action: htm.task.claimed; on input "claimed" reads the same. */
public final class EventTypes {

    private static final String PREFIX = "htm.task.";
    private static final Set<String> KNOWN =
            Arrays.stream(TaskAction.values()).map(TaskAction::eventType).collect(Collectors.toSet());

    private EventTypes() {}

    /** The full name of a type the caller named, or a 400 for the given field. */
    public static String named(String type, String field) {
        String name = type.strip();
        String full = name.startsWith(PREFIX) ? name : PREFIX + name;
        if (!KNOWN.contains(full)) {
            throw HtmException.invalidInput(field, "'" + type + "' is not an event type");
        }
        return full;
    }
}
