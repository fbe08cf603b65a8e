package htm.deadline.control;

import static htm.task.control.JsonInput.string;

import htm.problem.entity.HtmException;
import htm.task.control.TaskDefinitions;
import htm.task.entity.EscalationRule;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskState;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an escalation chain, as a template's "escalations" holds it:
 * {@code [{"name", "after", "whenStillIn", "raisePriorityTo", "escalationReceivers": {"users", "groups"},
 * "transferToGroup", "notification"}, ...]}.
 */
public final class EscalationRules {

    static final int MAX_CHAIN = 20;
    private static final Set<String> FIELDS = Set.of(
            "name",
            "after",
            "whenStillIn",
            "raisePriorityTo",
            "escalationReceivers",
            "transferToGroup",
            "notification");

    private EscalationRules() {}

    public static List<EscalationRule> chain(JsonValue escalations) {
        if (escalations == null || escalations.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (escalations.getValueType() != JsonValue.ValueType.ARRAY) {
            throw HtmException.invalidInput("escalations", "must be a list of escalations");
        }
        JsonArray links = escalations.asJsonArray();
        if (links.size() > MAX_CHAIN) {
            throw HtmException.invalidInput("escalations", "at most " + MAX_CHAIN + " escalations");
        }
        List<EscalationRule> chain = new ArrayList<>();
        for (JsonValue link : links) {
            if (link.getValueType() != JsonValue.ValueType.OBJECT) {
                throw HtmException.invalidInput("escalations", "each escalation is an object");
            }
            chain.add(rule(link.asJsonObject()));
        }
        return chain;
    }

    static EscalationRule rule(JsonObject link) {
        link.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw HtmException.invalidInput("escalations." + key, "is not a field of an escalation: " + FIELDS);
        });
        String name = string(link, "name", TaskDefinitions.NAME_LENGTH);
        if (name == null || name.isBlank()) {
            throw HtmException.invalidInput("escalations.name", "each escalation needs a name");
        }
        String after = TaskDefinitions.duration(link, "after");
        if (after == null) {
            throw HtmException.invalidInput("escalations.after", "each escalation needs a duration, such as PT1H");
        }
        return new EscalationRule(
                name,
                after,
                whenStillIn(link),
                TaskDefinitions.priority(link, "raisePriorityTo"),
                TaskDefinitions.named(link, "escalationReceivers", PeopleRole.ESCALATION_RECEIVER),
                string(link, "transferToGroup", TaskDefinitions.PRINCIPAL_LENGTH),
                string(link, "notification", 2000));
    }

    private static TaskState whenStillIn(JsonObject link) {
        String state = string(link, "whenStillIn", 20);
        if (state == null) {
            return null;
        }
        for (TaskState working : TaskState.working()) {
            if (working.name().equals(state)) {
                return working;
            }
        }
        throw HtmException.invalidInput("escalations.whenStillIn", "must be STATE_READY or STATE_CLAIMED");
    }
}
