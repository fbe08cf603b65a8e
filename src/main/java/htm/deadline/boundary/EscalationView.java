package htm.deadline.boundary;

import htm.task.control.Times;
import htm.task.entity.Assignment;
import htm.task.entity.Escalation;
import htm.task.entity.EscalationRule;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** One escalation of a task, as GET /escalation/{esiid} and GET /task/{tkiid}/escalationInfo show it. */
@JsonbNillable
@JsonbPropertyOrder({
    "esiid",
    "tkiid",
    "name",
    "state",
    "after",
    "whenStillIn",
    "activationTime",
    "escalationTime",
    "escalatedBy",
    "raisePriorityTo",
    "escalationReceivers",
    "transferToGroup",
    "notification"
})
public record EscalationView(
        String esiid,
        String tkiid,
        String name,
        String state,
        String after,
        String whenStillIn,
        String activationTime,
        String escalationTime,
        String escalatedBy,
        Integer raisePriorityTo,
        Map<String, List<String>> escalationReceivers,
        String transferToGroup,
        String notification) {

    static EscalationView of(Escalation escalation) {
        EscalationRule rule = escalation.rule();
        return new EscalationView(
                escalation.esiid(),
                escalation.task().tkiid(),
                escalation.name(),
                escalation.state().name(),
                escalation.after(),
                rule.whenStillIn() == null ? null : rule.whenStillIn().name(),
                Times.format(escalation.activationTime()),
                Times.format(escalation.escalationTime()),
                escalation.escalatedBy(),
                rule.raisePriorityTo(),
                Map.of("users", names(rule.receivers(), false), "groups", names(rule.receivers(), true)),
                rule.transferToGroup(),
                rule.notification());
    }

    private static List<String> names(List<Assignment> people, boolean groups) {
        return people.stream()
                .filter(a -> a.isGroup() == groups)
                .map(Assignment::principal)
                .sorted()
                .toList();
    }
}
