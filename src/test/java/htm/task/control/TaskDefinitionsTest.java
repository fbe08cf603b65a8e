package htm.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.Capability;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskDefinition;
import htm.task.entity.TaskKind;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDefinitionsTest {

    @Test
    void readsEveryFieldOfTheCreateBody() {
        TaskDefinition d = TaskDefinitions.read(JsonInput.object("""
                { "name": "approve-order-42", "displayName": "Approve order 42", "description": "d", "namespace": "sales",
                  "kind": "KIND_ORIGINATING", "priority": 3, "dueTime": "2026-12-01T12:00:00.000Z",
                  "durationUntilExpires": "P7D",
                  "potentialOwners": {"users": ["alice"], "groups": ["reviewers"]},
                  "excludedOwners": {"users": ["bob"]}, "administrators": {"groups": ["managers"]},
                  "readers": {"users": ["dave"]}, "editors": {"users": []}, "escalationReceivers": {"users": ["carol"]},
                  "input": {"orderId": 42, "amount": 1200.5}, "customProperties": {"region": "EU"},
                  "supportsClaimIfSuspended": false, "supportsDelegation": true, "supportsSubTasks": true,
                  "supportsFollowOnTasks": true }"""));
        assertEquals("approve-order-42", d.name());
        assertEquals(TaskKind.KIND_ORIGINATING, d.kind());
        assertEquals(3, d.priority());
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), d.schedule().dueTime());
        assertEquals("P7D", d.schedule().durationUntilExpires());
        assertEquals(
                Set.of(
                        Assignment.user(PeopleRole.POTENTIAL_OWNER, "alice"),
                        Assignment.group(PeopleRole.POTENTIAL_OWNER, "reviewers"),
                        Assignment.user(PeopleRole.EXCLUDED_OWNER, "bob"),
                        Assignment.group(PeopleRole.ADMINISTRATOR, "managers"),
                        Assignment.user(PeopleRole.READER, "dave"),
                        Assignment.user(PeopleRole.ESCALATION_RECEIVER, "carol")),
                Set.copyOf(d.people()));
        assertEquals("{\"orderId\":42,\"amount\":1200.5}", d.input());
        assertEquals(Map.of("region", "EU"), d.customProperties());
        assertEquals(false, d.supports(Capability.CLAIM_IF_SUSPENDED));
        assertEquals(true, d.supports(Capability.DELEGATION));
    }

    @Test
    void aCapabilityLeftOutKeepsItsDefault() {
        TaskDefinition d = TaskDefinitions.read(
                JsonInput.object("{\"name\": \"n\", \"supportsDelegation\": false, \"supportsAutomaticClaim\": true}"));
        assertEquals(Map.of(Capability.DELEGATION, false, Capability.AUTOMATIC_CLAIM, true), d.capabilities());
        assertEquals(false, d.supports(Capability.DELEGATION));
        assertEquals(true, d.supports(Capability.AUTOMATIC_CLAIM));
        assertEquals(true, d.supports(Capability.SUB_TASKS));
        assertEquals(true, d.supports(Capability.FOLLOW_ON_TASKS));
        assertEquals(false, d.supports(Capability.CLAIM_IF_SUSPENDED));
    }

    @Test
    void onlyTheNameIsRequired() {
        TaskDefinition d = TaskDefinitions.read(JsonInput.object("{\"name\": \"n\"}"));
        assertNull(d.priority());
        assertNull(d.input());
        assertEquals(0, d.people().size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                          | name",
                "{\"name\": \"\"}                            | name",
                "{\"name\": 7}                               | name",
                "{\"name\": \"n\", \"priority\": \"high\"}   | priority",
                "{\"name\": \"n\", \"priority\": 1.5}        | priority",
                "{\"name\": \"n\", \"priority\": -1}         | priority",
                "{\"name\": \"n\", \"priority\": 99999999999} | priority",
                "{\"name\": \"n\", \"dueTime\": \"tomorrow\"} | dueTime",
                "{\"name\": \"n\", \"dueTime\": \"2026-12-01T12:00:00\"} | dueTime",
                "{\"name\": \"n\", \"durationUntilDue\": \"4 hours\"} | durationUntilDue",
                "{\"name\": \"n\", \"durationUntilExpires\": \"PT0S\"} | durationUntilExpires",
                "{\"name\": \"n\", \"kind\": \"KIND_ROBOT\"}  | kind",
                "{\"name\": \"n\", \"potentialOwners\": [\"alice\"]} | potentialOwners",
                "{\"name\": \"n\", \"potentialOwners\": {\"users\": \"alice\"}} | potentialOwners.users",
                "{\"name\": \"n\", \"potentialOwners\": {\"users\": [1]}} | potentialOwners.users",
                "{\"name\": \"n\", \"potentialOwners\": {\"people\": [\"x\"]}} | potentialOwners",
                "{\"name\": \"n\", \"customProperties\": {\"region\": 1}} | customProperties.region",
                "{\"name\": \"n\", \"supportsSubTasks\": \"yes\"} | supportsSubTasks",
                "{\"name\": \"n\", \"autoDeletionMode\": \"SOMETIMES\"} | autoDeletionMode",
                "{\"name\": \"n\", \"durationUntilDeleted\": \"P999997999Y\"} | durationUntilDeleted",
                "{\"name\": \"n\", \"durationUntilExpires\": \"P1001Y\"} | durationUntilExpires",
                "{\"name\": \"n\", \"durationUntilDue\": \"PT99999999999999H\"} | durationUntilDue",
                "{\"name\": \"n\", \"durationUntilDue\": \"P365244D\"} | durationUntilDue",
                "{\"name\": \"n\", \"dueTime\": \"+10000-01-01T00:00:00Z\"} | dueTime",
                "{\"name\": \"n\", \"dueTime\": \"1969-12-31T23:59:59Z\"} | dueTime"
            })
    void eachBadFieldIsA400NamingIt(String body, String field) {
        HtmException e = assertThrows(HtmException.class, () -> TaskDefinitions.read(JsonInput.object(body)));
        assertEquals(400, e.status());
        assertEquals(field, e.parameters().get(0), e.getMessage());
    }

    @Test
    void durationsReachAThousandYearsAndTimesTheEndOf9999() {
        TaskDefinition d = TaskDefinitions.read(JsonInput.object("""
                {"name": "n", "dueTime": "9999-12-31T23:59:59Z", "durationUntilExpires": "P1000Y",
                 "durationUntilDeleted": "P365000D"}"""));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), d.schedule().dueTime());
        assertEquals("P1000Y", d.schedule().durationUntilExpires());
        HtmException late = assertThrows(
                HtmException.class,
                () -> TaskDefinitions.after(Instant.parse("9999-01-01T00:00:00Z"), "duration", "P1Y"));
        assertEquals("duration", late.parameters().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1, 2]", "\"text\"", "{\"name\": \"n\",}", "   ", "nul", "{} {}"})
    void aBodyThatIsNotAJsonObjectIsA400(String body) {
        HtmException e = assertThrows(HtmException.class, () -> JsonInput.object(body));
        assertEquals(400, e.status());
        assertEquals("body", e.parameters().get(0));
    }
}
