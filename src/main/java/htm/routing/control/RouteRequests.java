package htm.routing.control;

import static htm.task.control.JsonInput.integer;
import static htm.task.control.JsonInput.string;

import htm.problem.entity.HtmException;
import htm.routing.entity.RouteRequest;
import htm.routing.entity.RoutingType;
import htm.task.control.TaskDefinitions;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the body of the route action: {"routingType": "Simple" | "Sequential" | "Parallel",
 * "participants": {"users": [...], "groups": [...]}, "votersPercentage": 0-100,
 * "defaultActionForGroupVote": "REJECT", "routingAction": "APPROVE"}.
 */
public final class RouteRequests {

    static final int MAX_PARTICIPANTS = 50;
    private static final Pattern OUTCOME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private RouteRequests() {}

    public static RouteRequest read(JsonObject body) {
        return of(body, TaskDefinitions.named(body, "participants", PeopleRole.POTENTIAL_OWNER));
    }

    /** The route settings of the body, for participants named elsewhere (Oracle BPM names them its own way). */
    public static RouteRequest of(JsonObject body, List<Assignment> participants) {
        String type = string(body, "routingType", 20);
        if (type == null) {
            throw HtmException.invalidInput("routingType", "Simple, Sequential or Parallel");
        }
        RoutingType routing;
        try {
            routing = RoutingType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HtmException.invalidInput("routingType", "Simple, Sequential or Parallel, not " + type);
        }
        if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
            throw HtmException.invalidInput("participants", "1 to " + MAX_PARTICIPANTS + " users or groups");
        }
        if (routing == RoutingType.SIMPLE && participants.size() != 1) {
            throw HtmException.invalidInput("participants", "a Simple route has one participant");
        }
        Integer percentage = integer(body, "votersPercentage");
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            throw HtmException.invalidInput("votersPercentage", "must be between 0 and 100");
        }
        return new RouteRequest(
                routing,
                participants,
                percentage == null ? 0 : percentage,
                outcome(body, "defaultActionForGroupVote"),
                outcome(body, "routingAction"));
    }

    private static String outcome(JsonObject body, String field) {
        String outcome = string(body, field, 64);
        if (outcome != null && !OUTCOME.matcher(outcome).matches()) {
            throw HtmException.invalidInput(field, "an outcome such as APPROVE or REJECT");
        }
        return outcome == null ? null : outcome.toUpperCase(Locale.ROOT);
    }
}
