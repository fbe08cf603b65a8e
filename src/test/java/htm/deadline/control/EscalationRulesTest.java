package htm.deadline.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.EscalationRule;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskState;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationRulesTest {

    @Test
    void readsEveryFieldOfAChain() {
        List<EscalationRule> chain = EscalationRules.chain(
                json(
                        "[{\"name\": \"remind\", \"after\": \"pt1h\", "
                                + "\"whenStillIn\": \"STATE_READY\", \"raisePriorityTo\": 1, "
                                + "\"escalationReceivers\": {\"users\": [\"carol\"], \"groups\": [\"managers\"]}, "
                                + "\"transferToGroup\": \"managers\", \"notification\": \"late\"}, {\"name\": \"b\", \"after\": \"P1D\"}]"));
        assertEquals(
                new EscalationRule(
                        "remind",
                        "PT1H",
                        TaskState.STATE_READY,
                        1,
                        List.of(
                                Assignment.user(PeopleRole.ESCALATION_RECEIVER, "carol"),
                                Assignment.group(PeopleRole.ESCALATION_RECEIVER, "managers")),
                        "managers",
                        "late"),
                chain.get(0));
        assertNull(chain.get(1).whenStillIn(), "any open state");
        assertEquals(List.of(), EscalationRules.chain(null));
        assertEquals(List.of(), EscalationRules.chain(JsonValue.NULL));
    }

    @Test
    void refusesWhatItCannotHonour() {
        for (String bad : List.of(
                "{}",
                "[1]",
                "[{\"after\": \"PT1H\"}]",
                "[{\"name\": \"a\"}]",
                "[{\"name\": \"a\", \"after\": \"soon\"}]",
                "[{\"name\": \"a\", \"after\": \"-PT1H\"}]",
                "[{\"name\": \"a\", \"after\": \"PT1H\", \"whenStillIn\": \"STATE_FINISHED\"}]",
                "[{\"name\": \"a\", \"after\": \"PT1H\", \"raisePriorityTo\": -1}]",
                "[{\"name\": \"a\", \"after\": \"PT1H\", \"escalationReceivers\": {\"roles\": []}}]",
                "[{\"name\": \"a\", \"after\": \"PT1H\", \"pager\": \"on\"}]")) {
            HtmException refused = assertThrows(HtmException.class, () -> EscalationRules.chain(json(bad)), bad);
            assertEquals(400, refused.status(), bad);
        }
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
