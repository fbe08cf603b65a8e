package htm.event.control;

import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.task.control.TaskPermissions;
import htm.task.entity.Task;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events a stream wants (API.md §7): potentialOwner=me (tasks offered to the caller), owner=me (tasks the
 * caller owns) — given both, an event of either kind — and types (comma-separated or repeated; htm.task.claimed
 * or just claimed). No filter: every event the caller may see.
 */
public record EventFilter(boolean offeredToMe, boolean ownedByMe, Set<String> types) {

    private static final Set<String> PARAMETERS = Set.of("potentialOwner", "owner", "types", "lastEventId");

    public EventFilter {
        types = Set.copyOf(types);
    }

    public static EventFilter parse(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw HtmException.invalidInput(name, "is not a parameter of the event stream; use " + PARAMETERS);
            }
        }
        Set<String> types = new HashSet<>();
        for (String value : query.getOrDefault("types", List.of())) {
            for (String type : value.split(",", -1)) {
                types.add(EventTypes.named(type, "types"));
            }
        }
        return new EventFilter(me(query, "potentialOwner"), me(query, "owner"), types);
    }

    private static boolean me(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return false;
        }
        if (values.size() > 1 || !values.get(0).equals("me")) {
            throw HtmException.invalidInput(name, "must be me on the event stream");
        }
        return true;
    }

    /**
     * Whether the caller is to hear the event. Seeing is checked on the task as it is now, as every read does;
     * a task that is gone is judged by the summary its event carries. The filters read the same.
     */
    public boolean admits(TaskEvent event, Caller caller, Task task) {
        if (!types.isEmpty() && !types.contains(event.type())) {
            return false;
        }
        if (task != null) {
            return TaskPermissions.sees(caller, task)
                    && (!offeredToMe && !ownedByMe
                            || offeredToMe && TaskPermissions.isOffered(caller, task)
                            || ownedByMe && caller.name().equals(task.owner()));
        }
        JsonObject summary = event.dataObject().getJsonObject("task");
        boolean owned = summary.get("owner") instanceof JsonString owner
                && owner.getString().equals(caller.name());
        JsonObject offered = summary.getJsonObject("potentialOwners");
        boolean offeredTo = caller.isAnyOf(names(offered, "users"), names(offered, "groups"));
        return (caller.seesEveryTask() || owned || offeredTo)
                && (!offeredToMe && !ownedByMe || offeredToMe && offeredTo || ownedByMe && owned);
    }

    private static Set<String> names(JsonObject people, String kind) {
        return people.getJsonArray(kind).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }
}
