package htm.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.security.control.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final Caller BOB = new Caller("bob", Set.of("reviewers"), Set.of(Role.APIWRITE));
    private static final Caller SUPPORT = new Caller("sue", Set.of(), Set.of(Role.SUPPORT));

    @Test
    void typesAreTakenWholeOrShortAndUnknownOnesRefused() {
        EventFilter filter = EventFilter.parse(Map.of("types", List.of("claimed,htm.task.completed")));
        assertEquals(Set.of("htm.task.claimed", "htm.task.completed"), filter.types());
        assertThrows(HtmException.class, () -> EventFilter.parse(Map.of("types", List.of("claimed,"))));
        assertThrows(HtmException.class, () -> EventFilter.parse(Map.of("owner", List.of("bob"))));
        assertThrows(HtmException.class, () -> EventFilter.parse(Map.of("state", List.of("STATE_READY"))));
    }

    @Test
    void aDeletedTaskIsJudgedByItsEventsSummary() {
        TaskEvent deleted = new TaskEvent(7, "t1", "htm.task.deleted", Instant.EPOCH, """
                {"actor": "alice", "task": {"tkiid": "t1", "owner": null,
                 "potentialOwners": {"users": ["carol"], "groups": ["reviewers"]}}}""");
        EventFilter all = EventFilter.parse(Map.of());
        assertTrue(all.admits(deleted, BOB, null), "offered to bob's group");
        assertFalse(all.admits(deleted, new Caller("dave", Set.of(), Set.of(Role.APIWRITE)), null));
        assertTrue(all.admits(deleted, SUPPORT, null), "support reads every task");
        assertFalse(EventFilter.parse(Map.of("owner", List.of("me"))).admits(deleted, BOB, null));
        assertFalse(EventFilter.parse(Map.of("types", List.of("claimed"))).admits(deleted, BOB, null));
    }

    @Test
    void aCloudEventCarriesTheStoredDataAsItIs() {
        TaskEvent event = new TaskEvent(
                42, "t1", "htm.task.claimed", Instant.parse("2026-12-07T10:00:00Z"), "{\"actor\":\"bob\"}");
        assertEquals(
                "{\"specversion\":\"1.0\",\"id\":\"42\",\"source\":\"urn:htm\",\"type\":\"htm.task.claimed\","
                        + "\"subject\":\"t1\",\"time\":\"2026-12-07T10:00:00Z\",\"datacontenttype\":"
                        + "\"application/json\",\"data\":{\"actor\":\"bob\"}}",
                event.cloudEvent("urn:htm"));
    }
}
