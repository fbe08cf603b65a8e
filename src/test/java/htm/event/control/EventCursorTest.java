package htm.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCursorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void newIdsAreTakenInOrderAndSkippedOnesBecomeGaps() {
        EventCursor cursor = new EventCursor(10, Duration.ofSeconds(60));
        assertEquals(List.of(11L, 13L, 16L), cursor.advance(List.of(16L, 11L, 13L), NOW));
        assertEquals(16, cursor.high());
        assertEquals(Set.of(12L, 14L, 15L), cursor.gaps());
    }

    @Test
    void aGapThatCommitsLaterIsTakenOnceAndOldReadsAreNot() {
        EventCursor cursor = new EventCursor(0, Duration.ofSeconds(60));
        cursor.advance(List.of(1L, 3L), NOW);
        assertEquals(List.of(2L, 4L), cursor.advance(List.of(2L, 4L), NOW.plusSeconds(1)));
        assertEquals(List.of(), cursor.advance(List.of(1L, 2L, 3L, 4L), NOW.plusSeconds(2)));
        assertEquals(Set.of(), cursor.gaps());
    }

    @Test
    void aGapIsGivenUpAfterTheGracePeriod() {
        EventCursor cursor = new EventCursor(0, Duration.ofSeconds(60));
        cursor.advance(List.of(2L), NOW);
        cursor.advance(List.of(), NOW.plusSeconds(59));
        assertEquals(Set.of(1L), cursor.gaps());
        cursor.advance(List.of(), NOW.plusSeconds(61));
        assertEquals(Set.of(), cursor.gaps());
        assertEquals(List.of(), cursor.advance(List.of(1L), NOW.plusSeconds(62)), "a given-up id is not taken");
    }

    @Test
    void aHugeJumpKeepsOnlyTheNewestGaps() {
        EventCursor cursor = new EventCursor(0, Duration.ofSeconds(60));
        cursor.advance(List.of(1_000_000L), NOW);
        assertEquals(EventCursor.MAX_GAPS, cursor.gaps().size());
        assertEquals(true, cursor.gaps().contains(999_999L));
    }
}
